using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>Builds a [Gan]'s optimizers from its definition, and stand-ins of them for checkpoint checks.</summary>
internal static class OptimizerFactory
{
    public static OptimizerHelper Create(GanOptimizer kind, IEnumerable<Parameter> parameters, double learningRate, GanDefinition definition) => kind switch
    {
        GanOptimizer.RmsProp => optim.RMSProp(parameters, learningRate),
        _ => optim.Adam(parameters, learningRate, definition.Beta1, definition.Beta2),
    };

    public static string Name(GanOptimizer kind) => kind == GanOptimizer.RmsProp ? "RMSprop" : "Adam";

    /// <summary>The learning rates of an optimizer's parameter groups (for tests and tools).</summary>
    public static double[] LearningRates(optim.Optimizer optimizer) => optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();
}
