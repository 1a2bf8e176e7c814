using System;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

public abstract partial class GanModel<TGenerator, TDiscriminator>
{
    /// <summary>Name of the pointer file in a run's checkpoint folder that names the newest complete checkpoint.</summary>
    public const string LatestPointer = "latest";

    /// <summary>Identifies one training run across resumes: a new model gets a new id, a restored one takes the id
    /// of the checkpoint it was restored from (null for checkpoints written before run ids existed). A run folder
    /// holds one run; see <see cref="RunFolder"/>.</summary>
    public string? RunId => _counters.RunId;

    /// <summary>Writes the objective's sections (G, D, the moving average when on, both optimizers), counters, seed
    /// and options to one file, atomically.</summary>
    public void Save(string path)
    {
        var metadata = new CheckpointMetadata(
            Model: Definition.Name,
            LatentDim: Definition.LatentDim,
            ImageShape: Definition.ImageShape.Dimensions.ToArray(),
            Step: _counters.Step,
            Epoch: _counters.Epoch,
            StepInEpoch: _counters.StepInEpoch,
            Seed: Options.Seed,
            Definition: Definition,
            Options: Options,
            Created: DateTime.UtcNow.ToString("O"),
            RunId: _counters.RunId,
            BatchSize: _counters.BatchSize,
            ImagesInEpoch: _counters.ImagesInEpoch,
            Generator: typeof(TGenerator).Name,
            Discriminator: typeof(TDiscriminator).Name,
            Objective: Objective.Name,
            OptimizerKinds: ObjectiveCheckpoint.OptimizerKinds(Objective));
        CheckpointFile.Write(path, metadata, ObjectiveCheckpoint.Sections(Objective));
    }

    /// <summary>Restores a checkpoint file, or the latest checkpoint of a run folder. Every section is checked
    /// against this model before any tensor is written, so nothing changes when the checkpoint is refused.</summary>
    public void LoadCheckpoint(string path) => ApplyCheckpoint(PrepareCheckpoint(path));

    PreparedCheckpoint ITrainingHost.PrepareCheckpoint(string path) => PrepareCheckpoint(path);

    void ITrainingHost.ApplyCheckpoint(PreparedCheckpoint checkpoint) => ApplyCheckpoint(checkpoint);

    private PreparedCheckpoint PrepareCheckpoint(string path)
    {
        string file = ResolveCheckpoint(path);
        var (metadata, sections) = CheckpointFile.Read(file);
        string savedBy = SavedBy(metadata);
        if ((metadata.Definition?.Classes ?? 0) != Definition.Classes)
            throw new CheckpointException(file,
                $"it was saved by {savedBy} ({Conditioning(metadata.Definition?.Classes ?? 0)}) but this is {Definition.Name} ({Conditioning(Definition.Classes)})");
        if (metadata.LatentDim != Definition.LatentDim || !metadata.ImageShape.SequenceEqual(Definition.ImageShape.Dimensions))
            throw new CheckpointException(file,
                $"it was saved by {savedBy} (latent {metadata.LatentDim}, images ({string.Join(", ", metadata.ImageShape)})) " +
                $"but this is {Definition.Name} (latent {Definition.LatentDim}, images {Definition.ImageShape})");
        if (metadata.Step < 0 || metadata.Epoch < 0 || metadata.StepInEpoch < 0 || metadata.ImagesInEpoch < 0)
            throw new CheckpointException(file, $"its counters are negative (step {metadata.Step}, epoch {metadata.Epoch})");
        if (ObjectiveCheckpoint.Check(Objective, metadata, sections) is { } problem)
            throw new CheckpointException(file, $"it was saved by {savedBy} and does not fit {Definition.Name}: {problem}");
        return new PreparedCheckpoint(file, metadata, sections);
    }

    private static string Conditioning(int classes) => classes == 0 ? "unconditional" : $"conditional on {classes} classes";

    private static string SavedBy(CheckpointMetadata metadata) =>
        metadata.Generator is null ? metadata.Model : $"{metadata.Model} (generator {metadata.Generator}, discriminator {metadata.Discriminator})";

    /// <summary>Writes a checked checkpoint into this model. Everything that can refuse it has run already.</summary>
    private void ApplyCheckpoint(PreparedCheckpoint checkpoint)
    {
        ObjectiveCheckpoint.Apply(Objective, checkpoint.Sections, TorchDevice);

        var metadata = checkpoint.Metadata;
        _counters.RunId = metadata.RunId;
        _counters.Step = metadata.Step;
        _counters.Epoch = metadata.Epoch;
        _counters.StepInEpoch = metadata.StepInEpoch;
        _counters.BatchSize = metadata.BatchSize;
        if (metadata.ImagesInEpoch is { } images)
        {
            _counters.ImagesInEpoch = images;
            _counters.LegacyStepsInEpoch = null;
        }
        else
        {
            _counters.ImagesInEpoch = 0;
            _counters.LegacyStepsInEpoch = metadata.StepInEpoch;
        }
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
