using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;

namespace GanDsl;

/// <summary>
/// A training objective's state as checkpoint sections: one per network (TorchSharp's module format), one per
/// optimizer, one per piece of extra state, named as the objective names them. <see cref="Check"/> compares a
/// checkpoint's sections with the objective without touching it (every section, before any is applied);
/// <see cref="Apply"/> then loads them.
/// </summary>
internal static class ObjectiveCheckpoint
{
    public static IReadOnlyList<(string Name, Action<BinaryWriter> Write)> Sections(ITrainingObjective objective) =>
        objective.Networks.Select(n => (n.Section, (Action<BinaryWriter>)(w => n.Module.save(w))))
            .Concat(objective.Optimizers.Select(o => (o.Section, (Action<BinaryWriter>)(w => o.Optimizer.save_state_dict(w)))))
            .Concat(objective.ExtraState.Select(s => (s.Section, s.Write)))
            .ToList();

    public static Dictionary<string, string> OptimizerKinds(ITrainingObjective objective) =>
        objective.Optimizers.ToDictionary(o => o.Section, o => OptimizerFactory.Name(o.Kind));

    /// <summary>Null when <paramref name="sections"/> fit <paramref name="objective"/>, else what does not fit.</summary>
    public static string? Check(ITrainingObjective objective, CheckpointMetadata metadata, IReadOnlyDictionary<string, byte[]> sections)
    {
        var expected = objective.Networks.Select(n => (n.Section, n.Description))
            .Concat(objective.Optimizers.Select(o => (o.Section, o.Description)))
            .Concat(objective.ExtraState.Select(s => (s.Section, s.Description)))
            .ToList();
        foreach (var (section, description) in expected)
            if (!sections.ContainsKey(section))
                return $"it has no '{section}' section ({description}), which this model needs";
        var names = expected.Select(e => e.Section).ToHashSet();
        foreach (var section in sections.Keys)
            if (!names.Contains(section))
                return $"it holds a '{section}' section, which this model does not have ({objective.Name}, sections {string.Join(", ", names)})";

        foreach (var optimizer in objective.Optimizers)
        {
            // Version 1 checkpoints record no kinds: their optimizers were all Adam.
            string saved = metadata.OptimizerKinds is { } kinds ? kinds.GetValueOrDefault(optimizer.Section, "unknown") : "Adam";
            string own = OptimizerFactory.Name(optimizer.Kind);
            if (saved != own)
                return $"its {optimizer.Description} is {saved} but this model trains with {own}";
        }

        foreach (var network in objective.Networks)
            if (ModuleSectionCheck.Problem(sections[network.Section], network.Module, network.Description) is { } problem)
                return $"its {network.Section} does not fit ({problem})";
        foreach (var optimizer in objective.Optimizers)
            if (OptimizerSectionCheck.Problem(sections[optimizer.Section], optimizer.Parameters, optimizer.CreateStandIn) is { } problem)
                return $"its {optimizer.Description} does not fit ({problem})";
        foreach (var state in objective.ExtraState)
            if (state.Check(sections[state.Section]) is { } problem)
                return $"its {state.Description} does not fit ({problem})";
        return null;
    }

    /// <summary>Loads checked sections into the objective's networks, optimizers and state, and moves the networks to
    /// <paramref name="device"/> (Module.load goes through the CPU).</summary>
    public static void Apply(ITrainingObjective objective, IReadOnlyDictionary<string, byte[]> sections, TorchSharp.torch.Device device)
    {
        foreach (var network in objective.Networks)
            using (var s = new MemoryStream(sections[network.Section])) network.Module.load(s, strict: true);
        foreach (var optimizer in objective.Optimizers)
            using (var r = new BinaryReader(new MemoryStream(sections[optimizer.Section]))) optimizer.Optimizer.load_state_dict(r);
        foreach (var state in objective.ExtraState) state.Apply(sections[state.Section]);
        foreach (var network in objective.Networks) network.Module.to(device);
    }
}
