using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// Tries an optimizer section on a stand-in: an optimizer of the same kind over zero parameters shaped like the real
/// ones. load_state_dict writes each state tensor as it reads it, so a misfit found while loading the real optimizer
/// would leave it half-loaded; loading the stand-in first finds every misfit the real load would, and touches nothing.
/// </summary>
internal static class OptimizerSectionCheck
{
    /// <summary>Null when the section loads into <paramref name="createStandIn"/>'s optimizer over parameters like
    /// <paramref name="parameters"/>.</summary>
    public static string? Problem(byte[] section, IReadOnlyList<Parameter> parameters, Func<IEnumerable<Parameter>, OptimizerHelper> createStandIn)
    {
        var standIns = parameters.Select(p => new Parameter(torch.zeros(p.shape, dtype: p.dtype), requires_grad: true)).ToArray();
        try
        {
            using var optimizer = createStandIn(standIns);
            using var reader = new BinaryReader(new MemoryStream(section, writable: false));
            optimizer.load_state_dict(reader);
            return reader.BaseStream.Position == reader.BaseStream.Length ? null : "the section has bytes after the optimizer state";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e.Message;
        }
        finally
        {
            foreach (var p in standIns) p.Dispose();
        }
    }
}
