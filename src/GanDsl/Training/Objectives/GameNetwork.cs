using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// A network of the adversarial game, called one way whether it is class-conditional or not: an unconditional network
/// is a <c>Module&lt;Tensor, Tensor&gt;</c> and ignores labels, a conditional one a <c>Module&lt;Tensor, Tensor,
/// Tensor&gt;</c> that needs them (int64 (B) class indices).
/// </summary>
internal sealed class GameNetwork
{
    private readonly nn.Module<Tensor, Tensor>? _plain;
    private readonly nn.Module<Tensor, Tensor, Tensor>? _conditional;

    public GameNetwork(nn.Module module, bool conditional, string description)
    {
        Module = module;
        if (conditional)
            _conditional = module as nn.Module<Tensor, Tensor, Tensor> ?? throw new ArgumentException(
                $"the {description} ({module.GetType().Name}) must be a class-conditional network, Module<Tensor, Tensor, Tensor>, as the definition has Classes");
        else
            _plain = module as nn.Module<Tensor, Tensor> ?? throw new ArgumentException(
                $"the {description} ({module.GetType().Name}) must be an unconditional network, Module<Tensor, Tensor>, as the definition has no Classes");
    }

    public nn.Module Module { get; }

    public bool IsConditional => _conditional is not null;

    public bool training => Module.training;

    public void train() => Module.train();

    public void eval() => Module.eval();

    /// <summary>The network's output on <paramref name="input"/>; <paramref name="labels"/> must be given exactly when
    /// the network is conditional.</summary>
    public Tensor Call(Tensor input, Tensor? labels)
    {
        if (_conditional is not null)
            return _conditional.call(input, labels ?? throw new InvalidOperationException("a class-conditional network needs labels"));
        return _plain!.call(input);
    }
}
