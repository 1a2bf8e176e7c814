using System;
using System.Collections.Generic;
using System.Linq;
using GanDsl.Data;
using GanDsl.Output;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// The adversarial game of a [Gan], built from its <see cref="GanDefinition"/>: per step, DiscriminatorSteps updates
/// of D, each on its own real batch and fresh noise (with the loss, the gradient penalty, R1 and clipping the
/// definition asks for), then one update of G against the updated D (its batch drawn in pairs for the mode-seeking
/// term when ModeSeekingWeight is set), then the moving average of G when EmaDecay is set (warmed up with EmaWarmup).
/// The step's metrics are D's loss, penalties and outputs averaged over its D updates, and G's loss and terms.
/// A class-conditional pair (<see cref="GanDefinition.Classes"/>) trains on labelled batches: D sees each real batch
/// with its labels and as many generated samples of the same labels (so the gradient penalty's interpolates have one
/// label each); G's update draws labels uniformly. Its picture has one row per class.
/// </summary>
public sealed class AdversarialObjective : ITrainingObjective, IDisposable
{
    /// <summary>Real samples drawn under generated points in a points picture.</summary>
    private const int ReferencePoints = 512;

    private readonly GameNetwork _generator;
    private readonly GameNetwork _discriminator;
    private readonly GameNetwork? _average;
    private readonly Device _device;
    private readonly string _discriminatorName;
    private readonly TensorShape _sampleShape;
    private readonly TensorShape _outputShape;
    private readonly int _gridSamples;
    private readonly double _realTarget;
    private readonly bool _probabilities;
    private Tensor _gridNoise;
    private readonly Tensor? _gridLabels;
    private readonly Layers.ProjectLabel? _classifier;
    private long _averageUpdates;

    internal AdversarialObjective(
        GanDefinition definition,
        nn.Module generator,
        nn.Module discriminator,
        nn.Module? movingAverage,
        Device device,
        (string Generator, string Discriminator) names,
        TensorShape sampleShape,
        TensorShape outputShape,
        int gridSamples,
        long seed)
    {
        Definition = definition;
        bool conditional = definition.Classes > 0;
        _generator = new GameNetwork(generator, conditional, $"generator {names.Generator}");
        _discriminator = new GameNetwork(discriminator, conditional, $"discriminator {names.Discriminator}");
        _average = movingAverage is null ? null : new GameNetwork(movingAverage, conditional, $"moving average of {names.Generator}");
        _device = device;
        _discriminatorName = names.Discriminator;
        _sampleShape = sampleShape;
        _outputShape = outputShape;
        _gridSamples = gridSamples;
        _realTarget = 1.0 - definition.LabelSmoothing;
        _probabilities = GanLosses.OutputsProbabilities(definition.Loss);

        GeneratorOptimizer = OptimizerFactory.Create(definition.Optimizer, generator.parameters(), definition.GeneratorLearningRate, definition);
        DiscriminatorOptimizer = OptimizerFactory.Create(definition.Optimizer, discriminator.parameters(), definition.DiscriminatorLearningRate, definition);
        if (movingAverage is not null) ExponentialMovingAverage.CopyInto(generator, movingAverage);

        var networks = new List<ObjectiveNetwork>
        {
            new("generator", generator, $"generator {names.Generator}"),
            new("discriminator", discriminator, $"discriminator {names.Discriminator}"),
        };
        if (movingAverage is not null) networks.Add(new("generator-ema", movingAverage, $"moving average of the generator {names.Generator} (EmaDecay)"));
        Networks = networks;
        ExtraState = movingAverage is not null && definition.EmaWarmup ? new[] { AverageUpdatesState() } : Array.Empty<ObjectiveState>();
        Optimizers = new[]
        {
            Optimizer("generator-optimizer", GeneratorOptimizer, generator, definition.GeneratorLearningRate, "generator optimizer"),
            Optimizer("discriminator-optimizer", DiscriminatorOptimizer, discriminator, definition.DiscriminatorLearningRate, "discriminator optimizer"),
        };
        _classifier = definition.AuxiliaryClassifierWeight > 0 ? AuxiliaryClassifier(discriminator, names.Discriminator) : null;
        Metrics = MetricColumns(definition);
        _gridLabels = conditional ? GridLabels(definition.Classes, gridSamples) : null;
        _gridNoise = CreateGridNoise(seed);
    }

    /// <summary>D's projection layer, whose embeddings classify for the auxiliary classification loss.</summary>
    private static Layers.ProjectLabel AuxiliaryClassifier(nn.Module discriminator, string name)
    {
        var projections = discriminator.modules().OfType<Layers.ProjectLabel>().ToArray();
        if (projections.Length != 1)
            throw new ArgumentException($"AuxiliaryClassifierWeight reads class logits from the discriminator's [ProjectLabel] embeddings, but {name} has " +
                (projections.Length == 0 ? "no ProjectLabel layer; end it with [ProjectLabel] or set AuxiliaryClassifierWeight = 0" : $"{projections.Length} of them"));
        return projections[0];
    }

    /// <summary>D's output on <paramref name="x"/> and, with the auxiliary classifier, its class logits from the same
    /// forward. The projection records them only during this call, so no other forward of D (the gradient penalty's,
    /// a user's) pays for them or keeps them alive.</summary>
    private (Tensor Output, Tensor? ClassLogits) ClassifyingCall(Tensor x, Tensor? labels)
    {
        if (_classifier is null) return (_discriminator.Call(x, labels), null);
        _classifier.RecordsClassLogits = true;
        try
        {
            var output = _discriminator.Call(x, labels);
            return (output, _classifier.TakeClassLogits());
        }
        finally
        {
            _classifier.RecordsClassLogits = false;
        }
    }

    /// <summary>The auxiliary classifier's cross-entropy of <paramref name="classLogits"/> against
    /// <paramref name="labels"/>, and that times AuxiliaryClassifierWeight, the term a network's loss adds.</summary>
    private (Tensor CrossEntropy, Tensor Weighted) ClassLoss(Tensor classLogits, Tensor labels)
    {
        var crossEntropy = nn.functional.cross_entropy(classLogits, labels);
        using var weight = Definition.AuxiliaryClassifierWeight.ToScalar();
        return (crossEntropy, crossEntropy.mul(weight));
    }

    /// <summary>Labels of the picture: one row per class, as many columns as GridSamples allows (at least one).</summary>
    private static Tensor GridLabels(int classes, int gridSamples)
    {
        int columns = Math.Max(1, gridSamples / classes);
        using var scope = torch.NewDisposeScope();
        using var end = classes.ToScalar();
        return torch.arange(end, dtype: ScalarType.Int64).repeat_interleave(columns).DetachFromDisposeScope();
    }

    /// <summary>Samples per row of the picture: the columns of one class's row, or null (a square grid) unconditionally.</summary>
    private int? GridColumns => _gridLabels is null ? null : (int)(_gridLabels.shape[0] / Definition.Classes);

    private ObjectiveOptimizer Optimizer(string section, OptimizerHelper optimizer, nn.Module network, double learningRate, string description) =>
        new(section, optimizer, Definition.Optimizer, network.parameters().ToArray(),
            standIns => OptimizerFactory.Create(Definition.Optimizer, standIns, learningRate, Definition), description, learningRate);

    /// <summary>d_loss and g_loss; D's mean output on real and generated samples, as probabilities (d_real, d_fake)
    /// under the cross-entropy losses and as scores otherwise (critic_real, critic_fake for the critics, d_real and
    /// d_fake for least squares); the weighted penalty terms (gp, r1) when they are on; with the auxiliary classifier
    /// the cross-entropies themselves, unweighted (d_class on real samples, g_class on G's), so they read in nats
    /// against chance, ln(Classes), whatever the weight that d_loss and g_loss include them with.</summary>
    private static MetricColumn[] MetricColumns(GanDefinition definition)
    {
        bool critic = definition.Loss is GanLoss.Wasserstein or GanLoss.WassersteinGP or GanLoss.Hinge;
        var outputKind = GanLosses.OutputsProbabilities(definition.Loss) ? MetricKind.Probability : MetricKind.Score;
        var columns = new List<MetricColumn>
        {
            new("d_loss", MetricKind.Loss, "D loss", "discriminator"),
            new("g_loss", MetricKind.Loss, "G loss", "generator"),
            new(critic ? "critic_real" : "d_real", outputKind, "D(x)", "discriminator"),
            new(critic ? "critic_fake" : "d_fake", outputKind, "D(G(z))", "discriminator"),
        };
        if (definition.GradientPenalty > 0) columns.Add(new("gp", MetricKind.Loss, "gradient penalty", "discriminator"));
        if (definition.R1Penalty > 0) columns.Add(new("r1", MetricKind.Loss, "R1 penalty", "discriminator"));
        if (definition.AuxiliaryClassifierWeight > 0)
        {
            columns.Add(new("d_class", MetricKind.Loss, "D class loss", "discriminator"));
            columns.Add(new("g_class", MetricKind.Loss, "G class loss", "generator"));
        }
        if (definition.ModeSeekingWeight > 0) columns.Add(new("g_diversity", MetricKind.Score, "G diversity ratio", "generator"));
        return columns.ToArray();
    }

    public GanDefinition Definition { get; }
    public string Name => $"adversarial, {Definition.Loss} loss";
    public IReadOnlyList<ObjectiveNetwork> Networks { get; }
    public IReadOnlyList<ObjectiveOptimizer> Optimizers { get; }
    public IReadOnlyList<ObjectiveState> ExtraState { get; }
    public IReadOnlyList<MetricColumn> Metrics { get; }
    public int BatchesPerStep => Definition.DiscriminatorSteps;
    public double LearningRateDecay => Definition.LearningRateDecay;

    public OptimizerHelper GeneratorOptimizer { get; }
    public OptimizerHelper DiscriminatorOptimizer { get; }

    /// <summary>G updates the moving average has taken (its warm-up's t); counted only with EmaWarmup.</summary>
    internal long AverageUpdates => _averageUpdates;

    /// <summary>The network Sample and the pictures use: the moving average of G when EmaDecay is set, else G.</summary>
    public nn.Module SamplingGenerator => (_average ?? _generator).Module;

    /// <summary>Number of classes of a conditional pair; 0 for an unconditional one.</summary>
    public int Classes => Definition.Classes;

    public void CheckSamples(TensorShape sampleShape, int batchSize)
    {
        if (sampleShape != _sampleShape)
            throw new BatchShapeException(_discriminatorName, _sampleShape, sampleShape.WithBatch(batchSize));
    }

    public void CheckLabels(Tensor? labels, string source)
    {
        if (Classes == 0) return;
        if (labels is null)
            throw new ArgumentException($"{Definition.Name} is conditional on {Classes} classes and trains on labelled samples, but {source} has no labels " +
                "(load the data with its labels, or build it with ImageDataset.FromTensor(samples, labels, source))");
        if (labels.numel() == 0) return;
        long min, max;
        using (torch.NewDisposeScope())
            (min, max) = (labels.min().item<long>(), labels.max().item<long>());
        if (min < 0 || max >= Classes)
            throw new ArgumentException($"{Definition.Name} is conditional on {Classes} classes (labels 0 to {Classes - 1}), but {source} has labels from {min} to {max}");
    }

    /// <summary>The labels of a batch handed to a step or an update: required (one per sample) for a conditional pair.</summary>
    internal void CheckBatchLabels(Tensor realBatch, Tensor? labels)
    {
        if (Classes == 0) return;
        if (labels is null)
            throw new ArgumentException($"{Definition.Name} is conditional on {Classes} classes: pass the real batch's labels with it", nameof(labels));
        if (labels.dim() != 1 || labels.shape[0] != realBatch.shape[0])
            throw new ArgumentException($"labels must be ({realBatch.shape[0]}), one per sample of the real batch; got ({string.Join(", ", labels.shape)})", nameof(labels));
        CheckLabels(labels, "the labels passed");
    }

    internal void CheckBatch(Tensor realBatch)
    {
        if (!_sampleShape.MatchesBatch(realBatch.shape))
            throw new BatchShapeException(_discriminatorName, _sampleShape, realBatch.shape);
        if (realBatch.shape[0] < 1)
            throw new ArgumentException("the real batch is empty: a step needs at least one sample", nameof(realBatch));
    }

    public double[] Step(IRealBatches real)
    {
        int n = Definition.DiscriminatorSteps;
        var sums = new double[Metrics.Count];
        long batchSize = 0;
        for (int i = 0; i < n; i++)
        {
            var batch = real.Next();
            CheckBatch(batch.Samples);
            CheckBatchLabels(batch.Samples, batch.Labels);
            var d = DiscriminatorUpdate(batch.Samples, batch.Labels);
            sums[0] += d.Loss;
            sums[2] += d.Real;
            sums[3] += d.Fake;
            int column = 4;
            if (Definition.GradientPenalty > 0) sums[column++] += d.GradientPenalty;
            if (Definition.R1Penalty > 0) sums[column++] += d.R1;
            if (_classifier is not null) sums[column] += d.ClassLoss;
            batchSize = batch.Samples.shape[0];
        }
        for (int c = 0; c < sums.Length; c++) sums[c] /= n;
        var g = GeneratorUpdateWithTerms(batchSize);
        sums[1] = g.Loss;
        int last = sums.Length - 1;
        if (Definition.ModeSeekingWeight > 0) sums[last--] = g.DiversityRatio;
        if (_classifier is not null) sums[last] = g.ClassLoss;
        return sums;
    }

    /// <summary>The values of one D update: D's total loss, its mean outputs, and the weighted penalty terms.</summary>
    /// <remarks>ClassLoss is the unweighted cross-entropy of D's class logits on the real batch (0 without
    /// AuxiliaryClassifierWeight).</remarks>
    internal readonly record struct DiscriminatorResult(double Loss, double Real, double Fake, double GradientPenalty, double R1, double ClassLoss = 0);

    /// <summary>One update of D on a real batch and as many generated samples (G under no_grad). Then the clip.</summary>
    internal DiscriminatorResult DiscriminatorUpdate(Tensor realBatch, Tensor? realLabels)
    {
        _generator.train();
        _discriminator.train();
        var real = realBatch.to(_device);
        var labels = Classes > 0 ? realLabels!.to(_device) : null;
        Tensor fake;
        using (torch.no_grad())
            fake = _generator.Call(torch.randn(new long[] { real.shape[0], Definition.LatentDim }, device: _device), labels);

        bool r1 = Definition.R1Penalty > 0;
        var realInput = r1 ? real.detach().requires_grad_(true) : real;
        var (realLogits, realClassLogits) = ClassifyingCall(realInput, labels);
        var fakeLogits = _discriminator.Call(fake, labels);   // D learns classes from real samples only
        var loss = GanLosses.Discriminator(Definition.Loss, realLogits, fakeLogits, _realTarget);
        Tensor? classLoss = null;
        if (realClassLogits is not null)
        {
            (classLoss, var weighted) = ClassLoss(realClassLogits, labels!);
            loss = loss + weighted;
        }
        Tensor? gradientPenalty = null, r1Penalty = null;
        if (Definition.GradientPenalty > 0)
        {
            using var lambda = Definition.GradientPenalty.ToScalar();
            gradientPenalty = GanPenalties.Gradient(x => _discriminator.Call(x, labels), real, fake).mul(lambda);
            loss = loss + gradientPenalty;
        }
        if (r1)
        {
            using var halfGamma = (Definition.R1Penalty / 2).ToScalar();
            r1Penalty = GanPenalties.R1(realLogits, realInput).mul(halfGamma);
            loss = loss + r1Penalty;
        }
        DiscriminatorOptimizer.zero_grad();
        loss.backward();
        DiscriminatorOptimizer.step();
        if (Definition.ClipValue > 0) Clip(_discriminator.Module, Definition.ClipValue);

        return new DiscriminatorResult(
            loss.item<float>(),
            MeanOutput(realLogits),
            MeanOutput(fakeLogits),
            gradientPenalty?.item<float>() ?? 0,
            r1Penalty?.item<float>() ?? 0,
            classLoss?.item<float>() ?? 0);
    }

    private double MeanOutput(Tensor logits)
    {
        var detached = logits.detach();
        return (_probabilities ? detached.sigmoid() : detached).mean().item<float>();
    }

    /// <summary>One update of G against D (D frozen: it neither computes nor keeps gradients), then the moving average.
    /// Returns G's total loss.</summary>
    internal double GeneratorUpdate(long batchSize) => GeneratorUpdateWithTerms(batchSize).Loss;

    /// <summary>The values of one G update: G's total loss; the unweighted cross-entropy of D's class logits on G's
    /// samples against the labels G was given (0 without AuxiliaryClassifierWeight); the mode-seeking ratio
    /// mean|G(z1) - G(z2)| / mean|z1 - z2| over G's pairs (0 without ModeSeekingWeight).</summary>
    internal readonly record struct GeneratorResult(double Loss, double ClassLoss, double DiversityRatio);

    /// <summary><see cref="GeneratorUpdate"/>, returning every term. With ModeSeekingWeight, G's batch is
    /// <paramref name="batchSize"/> rounded up to even: its second half pairs with its first (same labels, other noise).</summary>
    internal GeneratorResult GeneratorUpdateWithTerms(long batchSize)
    {
        _generator.train();
        _discriminator.train();
        SetRequiresGrad(_discriminator.Module, false);
        double value, classValue = 0, ratioValue = 0;
        bool modeSeeking = Definition.ModeSeekingWeight > 0;
        long n = modeSeeking ? batchSize + batchSize % 2 : batchSize;
        try
        {
            var z = torch.randn(new long[] { n, Definition.LatentDim }, device: _device);
            var labels = Classes == 0 ? null
                : modeSeeking ? torch.randint(0, Classes, new long[] { n / 2 }, dtype: ScalarType.Int64, device: _device).repeat(2)
                : torch.randint(0, Classes, new long[] { n }, dtype: ScalarType.Int64, device: _device);
            var fake = _generator.Call(z, labels);
            var (output, classLogits) = ClassifyingCall(fake, labels);
            var loss = GanLosses.Generator(Definition.Loss, output);
            if (classLogits is not null)
            {
                var (classLoss, weighted) = ClassLoss(classLogits, labels!);
                loss = loss + weighted;
                classValue = classLoss.item<float>();
            }
            if (modeSeeking)
            {
                var (ratio, term) = ModeSeeking(fake, z);
                loss = loss + term;
                ratioValue = ratio.item<float>();
            }
            GeneratorOptimizer.zero_grad();
            loss.backward();
            GeneratorOptimizer.step();
            value = loss.item<float>();
        }
        finally
        {
            SetRequiresGrad(_discriminator.Module, true);
        }
        if (_average is not null) UpdateAverage();
        return new GeneratorResult(value, classValue, ratioValue);
    }

    /// <summary>MSGAN's mode-seeking term for samples whose second half pairs with their first: the ratio
    /// r = mean|x1 - x2| / mean|z1 - z2| and the loss term ModeSeekingWeight / (r + 1e-5), which falls as the samples
    /// of a pair move apart.</summary>
    private (Tensor Ratio, Tensor Term) ModeSeeking(Tensor samples, Tensor z)
    {
        long half = samples.shape[0] / 2;
        var ratio = (samples.narrow(0, 0, half) - samples.narrow(0, half, half)).abs().mean()
            / (z.narrow(0, 0, half) - z.narrow(0, half, half)).abs().mean();
        using var eps = 1e-5.ToScalar();
        using var weight = Definition.ModeSeekingWeight.ToScalar();
        return (ratio, ratio.add(eps).reciprocal().mul(weight));
    }

    private void UpdateAverage()
    {
        double decay = Definition.EmaDecay;
        if (Definition.EmaWarmup) decay = ExponentialMovingAverage.WarmedUpDecay(decay, ++_averageUpdates);
        ExponentialMovingAverage.Update(_generator.Module, _average!.Module, decay);
    }

    /// <summary>The warm-up's update count as a checkpoint section (8 bytes, little-endian), so a resumed run takes the
    /// same decays as one that never stopped.</summary>
    private ObjectiveState AverageUpdatesState() => new(
        "generator-ema-updates",
        writer => writer.Write(_averageUpdates),
        bytes => bytes.Length != sizeof(long) ? $"{bytes.Length} bytes where an 8-byte update count belongs"
            : ReadCount(bytes) < 0 ? $"a negative update count ({ReadCount(bytes)})" : null,
        bytes => _averageUpdates = ReadCount(bytes),
        "update count of the moving average's warm-up (EmaWarmup)");

    private static long ReadCount(byte[] bytes) => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes);   // BinaryWriter's order

    private static void Clip(nn.Module module, double bound)
    {
        using var _ = torch.no_grad();
        using var low = (-bound).ToScalar();
        using var high = bound.ToScalar();
        foreach (var p in module.parameters()) p.clamp_(low, high);
    }

    private static void SetRequiresGrad(nn.Module module, bool value)
    {
        foreach (var p in module.parameters()) p.requires_grad = value;
    }

    /// <summary>Samples of the sampling generator in eval mode, without gradients; <paramref name="labels"/> (on the
    /// noise's device) for a conditional pair, else null.</summary>
    internal Tensor Generate(Tensor z, Tensor? labels)
    {
        var network = _average ?? _generator;
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var _ = torch.no_grad();
            return network.Call(z, labels);
        }
        finally
        {
            if (wasTraining) network.train();
        }
    }

    /// <summary>Samples from the fixed grid noise, on the CPU.</summary>
    internal Tensor SampleFixedGrid()
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(Generate(_gridNoise, _gridLabels?.to(_device)).cpu());
    }

    /// <summary>One fixed noise batch derived from the seed, so sample pictures of different epochs are comparable.</summary>
    internal void ResetGridNoise(long seed)
    {
        _gridNoise.Dispose();
        _gridNoise = CreateGridNoise(seed);
    }

    private Tensor CreateGridNoise(long seed)
    {
        using var noiseGenerator = new torch.Generator((ulong)seed ^ 0x5EED_6A1DUL);
        using var scope = torch.NewDisposeScope();
        long count = _gridLabels?.shape[0] ?? _gridSamples;
        return torch.randn(new long[] { count, Definition.LatentDim }, generator: noiseGenerator)
            .to(_device).DetachFromDisposeScope();
    }

    public string? SavePicture(string path, ImageDataset data)
    {
        var kind = SamplePicture.KindFor(_outputShape);
        if (kind == SamplePictureKind.None) return null;
        using var scope = torch.NewDisposeScope();
        var reference = kind == SamplePictureKind.Points ? data.Images[..Math.Min(ReferencePoints, data.Count)] : null;
        return SamplePicture.Save(kind, SampleFixedGrid(), reference, path, GridColumns);
    }

    public void Dispose()
    {
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        _gridNoise.Dispose();
        _gridLabels?.Dispose();
    }
}
