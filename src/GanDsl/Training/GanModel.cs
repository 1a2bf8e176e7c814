using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// A generator/discriminator pair with its optimizers: the runtime half of every [Gan] class.
/// The generated subclass supplies the networks and the declared options; this class trains, samples,
/// saves and restores them. Models and optimizers are created outside any dispose scope; every step runs
/// inside its own scope, so memory stays flat.
/// </summary>
public abstract partial class GanModel<TGenerator, TDiscriminator> : IDisposable
    where TGenerator : nn.Module<Tensor, Tensor>, IGanGenerator
    where TDiscriminator : nn.Module<Tensor, Tensor>, IGanDiscriminator
{
    private Tensor _gridNoise;
    private bool _disposed;

    protected GanModel(GanDefinition definition, GanOptions? options, Func<TGenerator> createGenerator, Func<TDiscriminator> createDiscriminator)
    {
        Definition = definition;
        Options = options ?? new GanOptions();
        OptionChecks.Validate(Options);
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
        }
        Generator.to(TorchDevice);
        Discriminator.to(TorchDevice);
        GeneratorOptimizer = optim.Adam(Generator.parameters(), definition.LearningRate, definition.Beta1, definition.Beta2);
        DiscriminatorOptimizer = optim.Adam(Discriminator.parameters(), definition.LearningRate, definition.Beta1, definition.Beta2);

        _gridNoise = CreateGridNoise();
    }

    /// <summary>One fixed noise batch derived from the seed, so sample grids of different epochs are comparable.</summary>
    private Tensor CreateGridNoise()
    {
        using var noiseGenerator = new torch.Generator((ulong)Options.Seed ^ 0x5EED_6A1DUL);
        using var scope = torch.NewDisposeScope();
        return torch.randn(new long[] { Options.GridSamples, Definition.LatentDim }, generator: noiseGenerator)
            .to(TorchDevice).DetachFromDisposeScope();
    }

    /// <summary>A resumed run continues with the seed it was started with (noise, dropout, shuffling all derive from it).</summary>
    private void AdoptSeed(long seed)
    {
        if (seed == Options.Seed) return;
        Options = Options with { Seed = seed };
        _gridNoise.Dispose();
        _gridNoise = CreateGridNoise();
    }

    public GanDefinition Definition { get; }
    public GanOptions Options { get; private set; }
    public torch.Device TorchDevice { get; }
    public TGenerator Generator { get; }
    public TDiscriminator Discriminator { get; }
    public Adam GeneratorOptimizer { get; }
    public Adam DiscriminatorOptimizer { get; }

    /// <summary>Run at the end of every epoch of Fit (an evaluator, a custom log); see <see cref="ITrainingObserver"/>.</summary>
    public IList<ITrainingObserver> Observers { get; } = new List<ITrainingObserver>();

    /// <summary>Training steps taken so far (each step = one D update and one G update).</summary>
    public long Step { get; protected set; }

    /// <summary>Epochs completed so far.</summary>
    public int Epoch { get; protected set; }

    public static TensorShape ImageShapeOf => TGenerator.OutputShape;

    /// <summary>One step of the alternating game on a real batch (B, C, H, W): a D update on real and generated
    /// images, then a G update against the updated D. Randomness is seeded from (Seed, Step), so a resumed run
    /// draws the same noise and dropout masks as an uninterrupted one.</summary>
    public StepResult TrainStep(Tensor realBatch)
    {
        EnsureBatchShape(realBatch);
        using var scope = torch.NewDisposeScope();
        SeedForStep(Step);
        var (dLoss, dReal, dFake) = DiscriminatorStepCore(realBatch);
        double gLoss = GeneratorStepCore(realBatch.shape[0]);
        Step++;
        return new StepResult(dLoss, gLoss, dReal, dFake);
    }

    /// <summary>Only the discriminator half of a step: G's parameters are not touched.</summary>
    public (double Loss, double DReal, double DFake) DiscriminatorStep(Tensor realBatch)
    {
        EnsureBatchShape(realBatch);
        using var scope = torch.NewDisposeScope();
        return DiscriminatorStepCore(realBatch);
    }

    /// <summary>Only the generator half of a step: D's parameters are not updated.</summary>
    public double GeneratorStep(long batchSize)
    {
        OptionChecks.Count(batchSize, nameof(batchSize), "batchSize");
        using var scope = torch.NewDisposeScope();
        return GeneratorStepCore(batchSize);
    }

    /// <summary>n images (n, C, H, W) in [-1, 1] from fresh noise, generated in eval mode.</summary>
    public Tensor Sample(int n)
    {
        OptionChecks.Count(n, nameof(n), "the number of samples");
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(new long[] { n, Definition.LatentDim }, device: TorchDevice);
        return scope.MoveToOuter(Generate(z));
    }

    /// <summary>Images from the fixed grid noise, on the CPU.</summary>
    public Tensor SampleFixedGrid()
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(Generate(_gridNoise).cpu());
    }

    private Tensor Generate(Tensor z)
    {
        bool wasTraining = Generator.training;
        Generator.eval();
        try
        {
            using var _ = torch.no_grad();
            return Generator.call(z);
        }
        finally
        {
            if (wasTraining) Generator.train();
        }
    }

    private (double Loss, double DReal, double DFake) DiscriminatorStepCore(Tensor realBatch)
    {
        Generator.train();
        Discriminator.train();
        var real = realBatch.to(TorchDevice);
        Tensor fake;
        using (torch.no_grad())
            fake = Generator.call(torch.randn(new long[] { real.shape[0], Definition.LatentDim }, device: TorchDevice));

        var realLogits = Discriminator.call(real);
        var fakeLogits = Discriminator.call(fake);
        var loss = GanLosses.Discriminator(Definition.Loss, realLogits, fakeLogits);
        DiscriminatorOptimizer.zero_grad();
        loss.backward();
        DiscriminatorOptimizer.step();

        return (loss.item<float>(), realLogits.detach().sigmoid().mean().item<float>(), fakeLogits.detach().sigmoid().mean().item<float>());
    }

    private double GeneratorStepCore(long batchSize)
    {
        Generator.train();
        Discriminator.train();
        // Freeze D so the G update neither computes nor leaves gradients on D's parameters.
        SetRequiresGrad(Discriminator, false);
        try
        {
            var fake = Generator.call(torch.randn(new long[] { batchSize, Definition.LatentDim }, device: TorchDevice));
            var loss = GanLosses.Generator(Definition.Loss, Discriminator.call(fake));
            GeneratorOptimizer.zero_grad();
            loss.backward();
            GeneratorOptimizer.step();
            return loss.item<float>();
        }
        finally
        {
            SetRequiresGrad(Discriminator, true);
        }
    }

    private static void SetRequiresGrad(nn.Module module, bool value)
    {
        foreach (var p in module.parameters()) p.requires_grad = value;
    }

    private void SeedForStep(long step)
    {
        long seed = unchecked(Options.Seed * 1_000_003L + step);
        torch.random.manual_seed(seed);
        if (TorchDevice.type == DeviceType.CUDA) torch.cuda.manual_seed_all(seed);
    }

    private void EnsureBatchShape(Tensor realBatch)
    {
        if (!TDiscriminator.InputShape.MatchesBatch(realBatch.shape))
            throw new BatchShapeException(typeof(TDiscriminator).Name, TDiscriminator.InputShape, realBatch.shape);
        if (realBatch.shape[0] < 1)
            throw new ArgumentException("the real batch is empty: a step needs at least one sample", nameof(realBatch));
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        _gridNoise.Dispose();
        GC.SuppressFinalize(this);
    }
}
