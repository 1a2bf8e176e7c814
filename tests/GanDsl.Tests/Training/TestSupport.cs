using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>Reports progress on the training thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SyncProgress : IProgress<TrainingProgress>
{
    private readonly Action<TrainingProgress> _report;
    public SyncProgress(Action<TrainingProgress> report) => _report = report;
    public void Report(TrainingProgress value) => _report(value);
}

/// <summary>A network's first parameter tensor (its first layer's weight), as numbers.</summary>
internal static class FirstWeights
{
    public static float[] Of(nn.Module network) => network.parameters().First().data<float>().ToArray();
}

/// <summary>Two checkpoints with the same sections, byte for byte (a resumed run against an uninterrupted one).</summary>
internal static class CheckpointSections
{
    public static void AssertSame(string expectedCheckpoint, string actualCheckpoint)
    {
        var expected = CheckpointFile.Read(expectedCheckpoint).Sections;
        var actual = CheckpointFile.Read(actualCheckpoint).Sections;
        Xunit.Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var key in expected.Keys) Xunit.Assert.True(expected[key].AsSpan().SequenceEqual(actual[key]), $"{key} differs after resume");
    }
}

/// <summary>Everything a GAN holds that a refused checkpoint must not touch, as bytes: both networks' parameters and
/// buffers, both optimizers' states, the counters and the seed.</summary>
internal static class ModelBytes
{
    public static Dictionary<string, byte[]> Capture<TG, TD>(GanModel<TG, TD> gan)
        where TG : nn.Module<Tensor, Tensor>, IGanGenerator
        where TD : nn.Module<Tensor, Tensor>, IGanDiscriminator => new()
    {
        ["generator"] = Save(w => gan.Generator.save(w)),
        ["discriminator"] = Save(w => gan.Discriminator.save(w)),
        ["generator-optimizer"] = Save(w => gan.GeneratorOptimizer.save_state_dict(w)),
        ["discriminator-optimizer"] = Save(w => gan.DiscriminatorOptimizer.save_state_dict(w)),
        ["counters"] = BitConverter.GetBytes(gan.Step).Concat(BitConverter.GetBytes(gan.Epoch)).Concat(BitConverter.GetBytes(gan.Options.Seed)).ToArray(),
    };

    public static void AssertSame(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after)
    {
        foreach (var key in before.Keys)
            Xunit.Assert.True(before[key].AsSpan().SequenceEqual(after[key]), $"{key} changed");
    }

    private static byte[] Save(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        return stream.ToArray();
    }
}

/// <summary>A folder's files and their SHA-256, to prove a refused call destroyed nothing.</summary>
internal static class FolderHash
{
    public static Dictionary<string, string> Of(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
