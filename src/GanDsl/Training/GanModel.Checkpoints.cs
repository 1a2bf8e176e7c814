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

    private static readonly string[] SectionNames = { "generator", "discriminator", "generator-optimizer", "discriminator-optimizer" };

    /// <summary>Identifies one training run across resumes: a new model gets a new id, a restored one takes the id
    /// of the checkpoint it was restored from (null for checkpoints written before run ids existed). A run folder
    /// holds one run; see <see cref="RunFolder"/>.</summary>
    public string? RunId { get; private set; } = Guid.NewGuid().ToString("N");

    /// <summary>Steps taken in the current epoch (informational; the position in the epoch is ImagesInEpoch).</summary>
    protected long StepInEpoch { get; set; }

    /// <summary>Images of the current epoch's shuffled order already trained on; a resumed Fit continues after them,
    /// whatever its batch size.</summary>
    protected long ImagesInEpoch { get; set; }

    /// <summary>Set when a checkpoint from before ImagesInEpoch was recorded is restored: its position is known
    /// only in batches, of the size the resuming Fit uses (as those versions assumed).</summary>
    private long? _legacyStepsInEpoch;

    /// <summary>The batch size of the last Fit, recorded in checkpoints.</summary>
    private int? _batchSize;

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
            Created: DateTime.UtcNow.ToString("O"),
            RunId: RunId,
            BatchSize: _batchSize,
            ImagesInEpoch: ImagesInEpoch,
            Generator: typeof(TGenerator).Name,
            Discriminator: typeof(TDiscriminator).Name);
        CheckpointFile.Write(path, metadata, new (string, Action<BinaryWriter>)[]
        {
            ("generator", w => Generator.save(w)),
            ("discriminator", w => Discriminator.save(w)),
            ("generator-optimizer", w => GeneratorOptimizer.save_state_dict(w)),
            ("discriminator-optimizer", w => DiscriminatorOptimizer.save_state_dict(w)),
        });
    }

    /// <summary>Restores a checkpoint file, or the latest checkpoint of a run folder. Every section is checked
    /// against this model before any tensor is written, so nothing changes when the checkpoint is refused.</summary>
    public void LoadCheckpoint(string path) => ApplyCheckpoint(PrepareCheckpoint(path));

    /// <summary>A checkpoint read, verified and checked against this model, not yet applied.</summary>
    private sealed record CheckedCheckpoint(string File, CheckpointMetadata Metadata, Dictionary<string, byte[]> Sections);

    private CheckedCheckpoint PrepareCheckpoint(string path)
    {
        string file = ResolveCheckpoint(path);
        var (metadata, sections) = CheckpointFile.Read(file);
        string savedBy = SavedBy(metadata);
        if (metadata.LatentDim != Definition.LatentDim || !metadata.ImageShape.SequenceEqual(Definition.ImageShape.Dimensions))
            throw new CheckpointException(file,
                $"it was saved by {savedBy} (latent {metadata.LatentDim}, images ({string.Join(", ", metadata.ImageShape)})) " +
                $"but this is {Definition.Name} (latent {Definition.LatentDim}, images {Definition.ImageShape})");
        foreach (var name in SectionNames)
            if (!sections.ContainsKey(name)) throw new CheckpointException(file, $"section '{name}' is missing");
        if (metadata.Step < 0 || metadata.Epoch < 0 || metadata.StepInEpoch < 0 || metadata.ImagesInEpoch < 0)
            throw new CheckpointException(file, $"its counters are negative (step {metadata.Step}, epoch {metadata.Epoch})");

        string? problem =
            Misfit("generator", ModuleSectionCheck.Problem(sections["generator"], Generator, NetworkName<TGenerator>("generator"))) ??
            Misfit("discriminator", ModuleSectionCheck.Problem(sections["discriminator"], Discriminator, NetworkName<TDiscriminator>("discriminator"))) ??
            Misfit("generator optimizer", OptimizerSectionCheck.Problem(sections["generator-optimizer"], Generator.parameters().ToArray(), Definition)) ??
            Misfit("discriminator optimizer", OptimizerSectionCheck.Problem(sections["discriminator-optimizer"], Discriminator.parameters().ToArray(), Definition));
        if (problem is not null)
            throw new CheckpointException(file, $"it was saved by {savedBy} and does not fit {Definition.Name}: {problem}");
        return new CheckedCheckpoint(file, metadata, sections);
    }

    private static string? Misfit(string section, string? problem) => problem is null ? null : $"its {section} does not fit ({problem})";

    private static string NetworkName<T>(string role) => $"{role} {typeof(T).Name}";

    private static string SavedBy(CheckpointMetadata metadata) =>
        metadata.Generator is null ? metadata.Model : $"{metadata.Model} (generator {metadata.Generator}, discriminator {metadata.Discriminator})";

    /// <summary>Writes a checked checkpoint into this model. Everything that can refuse it has run already.</summary>
    private void ApplyCheckpoint(CheckedCheckpoint checkpoint)
    {
        var sections = checkpoint.Sections;
        using (var s = new MemoryStream(sections["generator"])) Generator.load(s, strict: true);
        using (var s = new MemoryStream(sections["discriminator"])) Discriminator.load(s, strict: true);
        using (var r = new BinaryReader(new MemoryStream(sections["generator-optimizer"]))) GeneratorOptimizer.load_state_dict(r);
        using (var r = new BinaryReader(new MemoryStream(sections["discriminator-optimizer"]))) DiscriminatorOptimizer.load_state_dict(r);
        Generator.to(TorchDevice);
        Discriminator.to(TorchDevice);

        var metadata = checkpoint.Metadata;
        RunId = metadata.RunId;
        Step = metadata.Step;
        Epoch = metadata.Epoch;
        StepInEpoch = metadata.StepInEpoch;
        _batchSize = metadata.BatchSize;
        if (metadata.ImagesInEpoch is { } images)
        {
            ImagesInEpoch = images;
            _legacyStepsInEpoch = null;
        }
        else
        {
            ImagesInEpoch = 0;
            _legacyStepsInEpoch = metadata.StepInEpoch;
        }
        AdoptSeed(metadata.Seed);
    }

    /// <summary>Where in the epoch's shuffled order a Fit with <paramref name="batchSize"/> starts.</summary>
    private long StartOfEpochRemainder(int batchSize)
    {
        if (_legacyStepsInEpoch is { } steps)
        {
            ImagesInEpoch = steps * batchSize;
            _legacyStepsInEpoch = null;
        }
        return ImagesInEpoch;
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
