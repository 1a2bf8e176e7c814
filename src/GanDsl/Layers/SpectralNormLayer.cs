using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// A layer whose weight is divided by its largest singular value sigma before use (spectral normalisation,
/// Miyato et al. 2018), so the layer is 1-Lipschitz. TorchSharp 0.107 has no spectral_norm; this keeps
/// PyTorch's <c>torch.nn.utils.spectral_norm</c> state: the parameters <c>weight_orig</c> and <c>bias</c> and the
/// buffers <c>weight_u</c> and <c>weight_v</c>, so checkpoints carry the power-iteration state.
/// </summary>
/// <remarks>
/// A training forward runs one power iteration (updating u and v in place, without gradient), then
/// sigma = u · (W v) with the gradient flowing through W only, and uses W / sigma. An eval forward leaves u
/// and v alone, so sigma is frozen. Subclasses say how W is viewed as a matrix (<c>dim</c>) and which
/// functional op uses the normalised weight.
/// </remarks>
public abstract class SpectralNormLayer : nn.Module<Tensor, Tensor>
{
    /// <summary>Power iterations run at construction (PyTorch's parametrized spectral_norm does the same), so an
    /// eval forward before any training step already divides by a close estimate of sigma, not by a random one.</summary>
    public const int WarmUpIterations = 15;

    // Field names are the state_dict keys; Module.to() finds the fields by these names when it moves tensors.
    [ComponentName(Name = "bias")] private Parameter? _bias;
    [ComponentName(Name = "weight_orig")] private Parameter _weightOrig;
    [ComponentName(Name = "weight_u")] private Tensor _u;
    [ComponentName(Name = "weight_v")] private Tensor _v;
    private readonly int _dim;

    /// <param name="name">The module's name.</param>
    /// <param name="plainLayer">Builds the plain TorchSharp layer whose freshly initialised <c>weight</c> and
    /// <c>bias</c> are copied, so initialisation (and the random draws it takes) equals the plain layer's.</param>
    /// <param name="dim">The weight dimension that becomes the matrix rows (1 for transposed convolutions).</param>
    protected SpectralNormLayer(string name, Func<nn.Module> plainLayer, int dim) : base(name)
    {
        _dim = dim;
        // Everything kept is detached from dispose scopes: custom-module tensors made inside a caller's
        // NewDisposeScope would otherwise be disposed with it (built-in layers detach theirs the same way).
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using (var plain = plainLayer())
        {
            var initial = plain.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            _weightOrig = Keep(new Parameter(initial["weight"].detach().clone()));
            _bias = initial.TryGetValue("bias", out var bias) ? Keep(new Parameter(bias.detach().clone())) : null;
        }
        var rows = _weightOrig.shape[dim];
        var columns = _weightOrig.numel() / rows;
        _u = Keep(nn.functional.normalize(randn(rows, _weightOrig.dtype, _weightOrig.device), dim: 0, eps: PowerIteration.Eps));
        _v = Keep(nn.functional.normalize(randn(columns, _weightOrig.dtype, _weightOrig.device), dim: 0, eps: PowerIteration.Eps));
        PowerIteration.Run(PowerIteration.AsMatrix(_weightOrig, _dim), _u, _v, WarmUpIterations);

        // Registered explicitly so state_dict() lists PyTorch's order: bias, weight_orig, weight_u, weight_v.
        if (_bias is not null) register_parameter("bias", _bias);
        register_parameter("weight_orig", _weightOrig);
        register_buffer("weight_u", _u);
        register_buffer("weight_v", _v);
    }

    private static T Keep<T>(T tensor) where T : Tensor => (T)tensor.DetachFromDisposeScope();

    /// <summary>The unnormalised weight, trained by the optimiser (state_dict key <c>weight_orig</c>).</summary>
    public Parameter WeightOrig => _weightOrig;

    /// <summary>The bias (key <c>bias</c>), or null for a layer built without one.</summary>
    public Parameter? Bias => _bias;

    /// <summary>Left singular vector estimate, (weight.shape[dim]); a buffer (key <c>weight_u</c>).</summary>
    public Tensor WeightU => _u;

    /// <summary>Right singular vector estimate, (elements / weight.shape[dim]); a buffer (key <c>weight_v</c>).</summary>
    public Tensor WeightV => _v;

    /// <summary>The current estimate of the weight's largest singular value, u · (W v), as the next eval forward
    /// uses it. Reading it copies a scalar to the host.</summary>
    public double Sigma()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return PowerIteration.Sigma(PowerIteration.AsMatrix(_weightOrig, _dim), _u, _v).ToDouble();
    }

    /// <summary>Runs power iterations on the current weight without a forward pass, updating u and v: e.g. after
    /// re-initialising <see cref="WeightOrig"/> (a training forward runs one).</summary>
    public void RunPowerIterations(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        using var scope = NewDisposeScope();
        PowerIteration.Run(PowerIteration.AsMatrix(_weightOrig, _dim), _u, _v, iterations);
    }

    /// <summary>The weight the next eval forward uses, W / sigma, without gradient; the caller owns it.</summary>
    public Tensor NormalizedWeight()
    {
        using var _ = no_grad();
        return Normalized(powerIterate: false);
    }

    /// <summary>Applies the layer with its spectrally normalised weight; the output belongs to the caller's scope.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var weight = Normalized(powerIterate: training);
        return scope.MoveToOuter(Apply(input, weight, _bias));
    }

    /// <summary>The layer's functional op (linear, conv2d, ...) with the normalised weight.</summary>
    protected abstract Tensor Apply(Tensor input, Tensor weight, Tensor? bias);

    private Tensor Normalized(bool powerIterate)
    {
        using var scope = NewDisposeScope();
        var matrix = PowerIteration.AsMatrix(_weightOrig, _dim);
        if (powerIterate) PowerIteration.Run(matrix, _u, _v, 1);
        // The graph keeps copies: a second training forward before backward (D on real, then on fake) updates
        // the buffers in place, which would otherwise invalidate the first graph.
        var sigma = PowerIteration.Sigma(matrix, _u.clone(), _v.clone());
        return scope.MoveToOuter(_weightOrig / sigma);
    }
}
