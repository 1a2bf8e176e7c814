using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

public abstract partial class GanModel<TGenerator, TDiscriminator>
{
    /// <summary>Name of the pointer file in a run's checkpoint folder that names the newest complete checkpoint.</summary>
    public const string LatestPointer = "latest";

    /// <summary>Where in the current epoch the last step was; saved so a resumed Fit skips the batches already seen.</summary>
    protected long StepInEpoch { get; set; }

    /// <summary>Writes G, D, both optimizers, counters, seed and options to one file, atomically.</summary>
    public void Save(string path)
    {
        var metadata = new CheckpointMetadata(
            Model: Definition.Name,
            LatentDim: Definition.LatentDim,
            ImageShape: Definition.ImageShape.Dimensions.ToArray(),
            Step: Step,
            Epoch: Epoch,
            StepInEpoch: StepInEpoch,
            Seed: Options.Seed,
            Definition: Definition,
            Options: Options,
            Created: DateTime.UtcNow.ToString("O"));
        CheckpointFile.Write(path, metadata, new (string, Action<BinaryWriter>)[]
        {
            ("generator", w => Generator.save(w)),
            ("discriminator", w => Discriminator.save(w)),
            ("generator-optimizer", w => GeneratorOptimizer.save_state_dict(w)),
            ("discriminator-optimizer", w => DiscriminatorOptimizer.save_state_dict(w)),
        });
    }

    /// <summary>Restores a checkpoint file, or the latest checkpoint of a run folder. Nothing is changed when the
    /// checkpoint is refused.</summary>
    public void LoadCheckpoint(string path)
    {
        string file = ResolveCheckpoint(path);
        var (metadata, sections) = CheckpointFile.Read(file);
        if (metadata.LatentDim != Definition.LatentDim || !metadata.ImageShape.SequenceEqual(Definition.ImageShape.Dimensions))
            throw new CheckpointException(file,
                $"it was saved by {metadata.Model} (latent {metadata.LatentDim}, images ({string.Join(", ", metadata.ImageShape)})) " +
                $"but this is {Definition.Name} (latent {Definition.LatentDim}, images {Definition.ImageShape})");
        foreach (var name in new[] { "generator", "discriminator", "generator-optimizer", "discriminator-optimizer" })
            if (!sections.ContainsKey(name)) throw new CheckpointException(file, $"section '{name}' is missing");

        try
        {
            using (var s = new MemoryStream(sections["generator"])) Generator.load(s, strict: true);
            using (var s = new MemoryStream(sections["discriminator"])) Discriminator.load(s, strict: true);
            using (var r = new BinaryReader(new MemoryStream(sections["generator-optimizer"]))) GeneratorOptimizer.load_state_dict(r);
            using (var r = new BinaryReader(new MemoryStream(sections["discriminator-optimizer"]))) DiscriminatorOptimizer.load_state_dict(r);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException(file, "its tensors do not fit this model: " + e.Message, e);
        }
        Generator.to(TorchDevice);
        Discriminator.to(TorchDevice);
        Step = metadata.Step;
        Epoch = metadata.Epoch;
        StepInEpoch = metadata.StepInEpoch;
        AdoptSeed(metadata.Seed);
    }

    /// <summary>A file is itself; a run folder (or its checkpoints folder) points to its newest checkpoint.</summary>
    public static string ResolveCheckpoint(string path)
    {
        if (File.Exists(path)) return path;
        foreach (var folder in new[] { Path.Combine(path, "checkpoints"), path })
        {
            var pointer = Path.Combine(folder, LatestPointer);
            if (File.Exists(pointer))
                return Path.Combine(folder, File.ReadAllText(pointer).Trim());
        }
        throw new CheckpointException(path, "no checkpoint file or run folder with a checkpoints/latest pointer is there");
    }
}
