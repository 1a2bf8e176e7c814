using System;
using System.Collections.Generic;
using System.Linq;
using GanDsl.Evaluation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// A generator/discriminator pair with its optimizers: the runtime half of every [Gan] class.
/// The generated subclass supplies the networks and the declared options; this class trains them through an
/// <see cref="AdversarialObjective"/> built from the definition, samples, saves and restores them. Models and
/// optimizers are created outside any dispose scope; every step runs inside its own scope, so memory stays flat.
/// The pair is unconditional (<see cref="IGanGenerator"/> and <see cref="IGanDiscriminator"/>, each a
/// <c>Module&lt;Tensor, Tensor&gt;</c>) or class-conditional (<see cref="IConditionalGanGenerator"/> and
/// <see cref="IConditionalGanDiscriminator"/>, each a <c>Module&lt;Tensor, Tensor, Tensor&gt;</c> taking labels, with
/// <see cref="GanDefinition.Classes"/> set); the constructor refuses any other pair.
/// </summary>
public abstract partial class GanModel<TGenerator, TDiscriminator> : IDisposable, ITrainingHost
    where TGenerator : nn.Module, IGanNetwork
    where TDiscriminator : nn.Module, IGanNetwork
{
    private readonly RunCounters _counters = new();
    private bool _disposed;

    protected GanModel(GanDefinition definition, GanOptions? options, Func<TGenerator> createGenerator, Func<TDiscriminator> createDiscriminator)
    {
        Definition = definition;
        Options = options ?? new GanOptions();
        OptionChecks.Validate(Options);
        DefinitionChecks.Validate(definition);
        CheckPair(definition);
        TorchDevice = DeviceSelection.Resolve(Options.Device);

        // Weight init draws from the global generator: seed it so a model is reproducible from its seed.
        torch.random.manual_seed(Options.Seed);
        if (TorchDevice.type == DeviceType.CUDA) torch.cuda.manual_seed_all(Options.Seed);
        using (torch.NewDisposeScope())
        {
            // Built-in modules detach their parameters from scopes; this scope only catches init temporaries.
            Generator = createGenerator();
            Discriminator = createDiscriminator();
            if (definition.DcganInit)
            {
                DcganInit.Apply(Generator);
                DcganInit.Apply(Discriminator);
            }
            // The average starts as a copy of G (made by the objective), so its own init does not matter.
            if (definition.EmaDecay > 0) EmaGenerator = createGenerator();
        }
        Generator.to(TorchDevice);
        Discriminator.to(TorchDevice);
        EmaGenerator?.to(TorchDevice);
        Objective = new AdversarialObjective(definition, Generator, Discriminator, EmaGenerator, TorchDevice,
            (typeof(TGenerator).Name, typeof(TDiscriminator).Name), TDiscriminator.InputShape, TGenerator.OutputShape, Options.GridSamples, Options.Seed);
    }

    /// <summary>The network types must be a pair GanModel trains, and agree with the definition's Classes.</summary>
    private static void CheckPair(GanDefinition definition)
    {
        bool plainPair = typeof(IGanGenerator).IsAssignableFrom(typeof(TGenerator)) && typeof(IGanDiscriminator).IsAssignableFrom(typeof(TDiscriminator));
        bool conditionalPair = typeof(IConditionalGanGenerator).IsAssignableFrom(typeof(TGenerator)) && typeof(IConditionalGanDiscriminator).IsAssignableFrom(typeof(TDiscriminator));
        string pair = $"{typeof(TGenerator).Name} and {typeof(TDiscriminator).Name}";
        if (!plainPair && !conditionalPair)
            throw new ArgumentException($"GanModel trains a noise generator with a discriminator, both unconditional (IGanGenerator, IGanDiscriminator) " +
                $"or both class-conditional (IConditionalGanGenerator, IConditionalGanDiscriminator); {pair} are not such a pair", nameof(definition));
        if (conditionalPair && definition.Classes != ClassesOf(typeof(TGenerator)))
            throw new ArgumentException($"{pair} are conditional on {ClassesOf(typeof(TGenerator))} classes, but {definition.Name}'s definition has Classes = {definition.Classes}", nameof(definition));
        if (plainPair && definition.Classes != 0)
            throw new ArgumentException($"{pair} are unconditional, but {definition.Name}'s definition has Classes = {definition.Classes}", nameof(definition));
    }

    /// <summary>The static Classes of a conditional network type (IConditionalNetwork.Classes).</summary>
    private static int ClassesOf(Type network) =>
        (int)(network.GetProperty(nameof(IConditionalNetwork.Classes), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) ?? 0);

    /// <summary>Number of classes of a conditional pair (labels 0 to Classes - 1); 0 for an unconditional pair.</summary>
    public int Classes => Definition.Classes;

    /// <summary>A resumed run continues with the seed it was started with (noise, dropout, shuffling all derive from it).</summary>
    private void AdoptSeed(long seed)
    {
        if (seed == Options.Seed) return;
        Options = Options with { Seed = seed };
        Objective.ResetGridNoise(seed);
    }

    public GanDefinition Definition { get; }
    public GanOptions Options { get; private set; }
    public torch.Device TorchDevice { get; }
    public TGenerator Generator { get; }
    public TDiscriminator Discriminator { get; }

    /// <summary>The exponential moving average of G's weights (a second TGenerator), or null when EmaDecay is 0.</summary>
    public TGenerator? EmaGenerator { get; }

    /// <summary>The generator Sample and the sample pictures use: <see cref="EmaGenerator"/> when there is one, else
    /// <see cref="Generator"/>. Evaluate this one.</summary>
    public TGenerator SamplingGenerator => EmaGenerator ?? Generator;

    /// <summary>The training objective Fit runs: the adversarial game of the definition.</summary>
    public AdversarialObjective Objective { get; }

    /// <summary>G's optimizer: Adam or RMSprop (<see cref="GanDefinition.Optimizer"/>).</summary>
    public OptimizerHelper GeneratorOptimizer => Objective.GeneratorOptimizer;

    /// <summary>D's optimizer: Adam or RMSprop (<see cref="GanDefinition.Optimizer"/>).</summary>
    public OptimizerHelper DiscriminatorOptimizer => Objective.DiscriminatorOptimizer;

    /// <summary>Run at the end of every epoch of Fit (an evaluator, a custom log); see <see cref="ITrainingObserver"/>.</summary>
    public IList<ITrainingObserver> Observers { get; } = new List<ITrainingObserver>();

    /// <summary>Training steps taken so far (each step = DiscriminatorSteps D updates and one G update).</summary>
    public long Step => _counters.Step;

    /// <summary>Epochs completed so far.</summary>
    public int Epoch => _counters.Epoch;

    public static TensorShape ImageShapeOf => TGenerator.OutputShape;

    /// <summary>One step of the alternating game on one real batch (B, C, H, W): a D update on real and generated
    /// samples, then a G update against the updated D. For a definition with DiscriminatorSteps above 1, pass that
    /// many batches to <see cref="TrainStep(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}?)"/>. Randomness is seeded
    /// from (Seed, Step), so a resumed run draws the same noise and dropout masks as an uninterrupted one.
    /// <paramref name="labels"/>: the batch's int64 (B) class labels, required by a conditional pair.</summary>
    public StepResult TrainStep(Tensor realBatch, Tensor? labels = null)
    {
        if (Definition.DiscriminatorSteps != 1)
            throw new ArgumentException(
                $"{Definition.Name} takes {Definition.DiscriminatorSteps} real batches per step (DiscriminatorSteps = {Definition.DiscriminatorSteps}, one per " +
                "discriminator update); pass them as a list to TrainStep(IReadOnlyList<Tensor>)", nameof(realBatch));
        return TrainStep(new[] { realBatch }, labels is null ? null : new[] { labels });
    }

    /// <summary>One step on DiscriminatorSteps real batches (and, for a conditional pair, their labels): one D update
    /// on each, then a G update.</summary>
    public StepResult TrainStep(IReadOnlyList<Tensor> realBatches, IReadOnlyList<Tensor>? labels = null)
    {
        if (realBatches.Count != Definition.DiscriminatorSteps)
            throw new ArgumentException(
                $"{Definition.Name} takes {Definition.DiscriminatorSteps} real batches per step (DiscriminatorSteps); got {realBatches.Count}", nameof(realBatches));
        if (labels is not null && labels.Count != realBatches.Count)
            throw new ArgumentException($"pass one labels tensor per real batch: {realBatches.Count} batches, {labels.Count} labels", nameof(labels));
        for (int i = 0; i < realBatches.Count; i++)
        {
            Objective.CheckBatch(realBatches[i]);
            Objective.CheckBatchLabels(realBatches[i], labels?[i]);
        }
        using var scope = torch.NewDisposeScope();
        StepSeeding.Seed(Options.Seed, Step, TorchDevice);
        var values = Objective.Step(new ListBatches(realBatches, labels));
        _counters.Step++;
        return StepResult.From(new StepMetrics(Objective.Metrics, values));
    }

    /// <summary>Only one discriminator update (with the definition's penalties and clipping): G's parameters are not
    /// touched. DReal and DFake as in <see cref="StepResult"/>. <paramref name="labels"/> as for TrainStep.</summary>
    public (double Loss, double DReal, double DFake) DiscriminatorStep(Tensor realBatch, Tensor? labels = null)
    {
        Objective.CheckBatch(realBatch);
        Objective.CheckBatchLabels(realBatch, labels);
        using var scope = torch.NewDisposeScope();
        var result = Objective.DiscriminatorUpdate(realBatch, labels);
        return (result.Loss, result.Real, result.Fake);
    }

    /// <summary>Only the generator update (and the moving average, when on): D's parameters are not updated.</summary>
    public double GeneratorStep(long batchSize)
    {
        OptionChecks.Count(batchSize, nameof(batchSize), "batchSize");
        using var scope = torch.NewDisposeScope();
        return Objective.GeneratorUpdate(batchSize);
    }

    /// <summary>n images (n, C, H, W) in [-1, 1] from fresh noise, generated in eval mode by
    /// <see cref="SamplingGenerator"/>. A conditional pair generates the classes in turn (labels 0, 1, ..., Classes - 1,
    /// 0, ...); choose them with <see cref="Sample(Tensor)"/>.</summary>
    public Tensor Sample(int n)
    {
        OptionChecks.Count(n, nameof(n), "the number of samples");
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(new long[] { n, Definition.LatentDim }, device: TorchDevice);
        return scope.MoveToOuter(Objective.Generate(z, CyclingLabels(n)));
    }

    /// <summary>n samples from noise of a generator of their own seeded with <paramref name="noiseSeed"/> (the same
    /// seed gives the same samples; TorchSharp's global generator, which training draws from, is not touched), on the
    /// CPU, generated in eval mode by <see cref="SamplingGenerator"/> (classes in turn for a conditional pair).</summary>
    public Tensor Sample(int n, long noiseSeed)
    {
        OptionChecks.Count(n, nameof(n), "the number of samples");
        using var noise = new torch.Generator(unchecked((ulong)noiseSeed));
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(new long[] { n, Definition.LatentDim }, generator: noise).to(TorchDevice);
        return scope.MoveToOuter(Objective.Generate(z, CyclingLabels(n)).cpu());
    }

    /// <summary>One sample of each class in <paramref name="labels"/> (int64 (n), values in [0, Classes)), from fresh
    /// noise: a conditional pair's way to choose what it generates. Same device rules as <see cref="Sample(int)"/>.</summary>
    public Tensor Sample(Tensor labels)
    {
        CheckSampleLabels(labels);
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(new long[] { labels.shape[0], Definition.LatentDim }, device: TorchDevice);
        return scope.MoveToOuter(Objective.Generate(z, labels.to(ScalarType.Int64).to(TorchDevice)));
    }

    /// <summary>As <see cref="Sample(Tensor)"/>, from noise seeded with <paramref name="noiseSeed"/> (see
    /// <see cref="Sample(int, long)"/>), on the CPU: the same seed and labels give the same samples.</summary>
    public Tensor Sample(Tensor labels, long noiseSeed)
    {
        CheckSampleLabels(labels);
        using var noise = new torch.Generator(unchecked((ulong)noiseSeed));
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(new long[] { labels.shape[0], Definition.LatentDim }, generator: noise).to(TorchDevice);
        return scope.MoveToOuter(Objective.Generate(z, labels.to(ScalarType.Int64).to(TorchDevice)).cpu());
    }

    private void CheckSampleLabels(Tensor labels)
    {
        if (Classes == 0)
            throw new InvalidOperationException($"{Definition.Name} is unconditional: it takes no labels; use Sample(n)");
        if (labels.dim() != 1 || labels.shape[0] < 1)
            throw new ArgumentException($"labels must be a non-empty (n) tensor of class indices; got ({string.Join(", ", labels.shape)})", nameof(labels));
        if (labels.is_floating_point())
            throw new ArgumentException($"labels must be integer class indices; got {labels.dtype}", nameof(labels));
        Objective.CheckLabels(labels, "the labels passed");
    }

    /// <summary>0, 1, ..., Classes - 1, 0, ... for n samples of a conditional pair; null for an unconditional one.</summary>
    private Tensor? CyclingLabels(int n) => Classes == 0 ? null : GanSampling.CyclingLabels(n, Classes, TorchDevice);

    /// <summary>Images from the fixed grid noise, on the CPU.</summary>
    public Tensor SampleFixedGrid() => Objective.SampleFixedGrid();

    /// <summary>Batches (and their labels) handed to one step by the caller.</summary>
    private sealed class ListBatches : IRealBatches
    {
        private readonly IReadOnlyList<Tensor> _batches;
        private readonly IReadOnlyList<Tensor>? _labels;
        private int _next;

        public ListBatches(IReadOnlyList<Tensor> batches, IReadOnlyList<Tensor>? labels) => (_batches, _labels) = (batches, labels);

        public RealBatch Next()
        {
            int i = _next++;
            return new RealBatch(_batches[i], _labels?[i]);
        }
    }

    ITrainingObjective ITrainingHost.Objective => Objective;
    RunCounters ITrainingHost.Counters => _counters;
    IReadOnlyList<ITrainingObserver> ITrainingHost.Observers => Observers.ToList();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Objective.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        EmaGenerator?.Dispose();
        GC.SuppressFinalize(this);
    }
}
