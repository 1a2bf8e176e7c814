using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GanDsl.Tests.Training;

/// <summary>Rewrites a checkpoint as the first checkpoint format wrote it: metadata without the fields added later
/// (run id, batch size, images consumed, network names), same sections, a fresh SHA-256.</summary>
internal static class LegacyCheckpoint
{
    public static readonly string[] LaterFields = { "RunId", "BatchSize", "ImagesInEpoch", "Generator", "Discriminator" };

    public static void Strip(string path)
    {
        var (metadata, sections) = CheckpointFile.Read(path);
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(metadata))!.AsObject();
        foreach (var field in LaterFields) json.Remove(field);

        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes("GANDSLCK"));
            writer.Write(1);
            writer.Write(json.ToJsonString());
            writer.Write(sections.Count);
            foreach (var name in new[] { "generator", "discriminator", "generator-optimizer", "discriminator-optimizer" })
            {
                writer.Write(name);
                writer.Write((long)sections[name].Length);
                writer.Write(sections[name]);
            }
        }
        var bytes = body.ToArray();
        File.WriteAllBytes(path, bytes.Concat(SHA256.HashData(bytes)).ToArray());
    }
}
