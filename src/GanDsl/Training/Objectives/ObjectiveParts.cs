using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>A network of an objective. <paramref name="Section"/> names its checkpoint section ("generator");
/// <paramref name="Description"/> names it in messages ("generator MlpGenerator").</summary>
public sealed record ObjectiveNetwork(string Section, nn.Module Module, string Description);

/// <summary>An optimizer of an objective and how to build a stand-in of it over other parameters: a checkpoint's
/// optimizer section is loaded into a stand-in first, so a misfit is found before the real optimizer is touched.
/// <paramref name="LearningRate"/> is its full rate, which a learning-rate decay scales.</summary>
public sealed record ObjectiveOptimizer(
    string Section,
    OptimizerHelper Optimizer,
    GanOptimizer Kind,
    IReadOnlyList<Parameter> Parameters,
    Func<IEnumerable<Parameter>, OptimizerHelper> CreateStandIn,
    string Description,
    double LearningRate);

/// <summary>Other state of an objective, as a checkpoint section: written, checked (null when the bytes fit, else
/// what does not) and applied only after every section of the checkpoint was checked.</summary>
public sealed record ObjectiveState(string Section, Action<BinaryWriter> Write, Func<byte[], string?> Check, Action<byte[]> Apply, string Description);

/// <summary>How a metric column is read and plotted.</summary>
public enum MetricKind
{
    /// <summary>A loss (or a penalty term of one): plotted with the losses.</summary>
    Loss,

    /// <summary>A probability in [0, 1], such as D(x) under the cross-entropy losses.</summary>
    Probability,

    /// <summary>An unbounded score, such as a critic's output: plotted on its own axis.</summary>
    Score,
}

/// <summary>One column of metrics.csv. <paramref name="Name"/> is the CSV header ("d_loss"), <paramref name="Label"/>
/// the plot legend ("D loss"), <paramref name="Network"/> the network whose non-finite value stops the run.</summary>
public sealed record MetricColumn(string Name, MetricKind Kind, string Label, string Network);

/// <summary>Metric values of one step, with their columns.</summary>
public sealed record StepMetrics(IReadOnlyList<MetricColumn> Columns, IReadOnlyList<double> Values)
{
    /// <summary>The value of column <paramref name="name"/>, or NaN when the objective has no such column.</summary>
    public double this[string name]
    {
        get
        {
            for (int i = 0; i < Columns.Count; i++)
                if (Columns[i].Name == name) return Values[i];
            return double.NaN;
        }
    }
}
