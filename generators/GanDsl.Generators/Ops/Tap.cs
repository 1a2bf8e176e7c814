using System.Collections.Generic;

namespace GanDsl.Generators.Ops;

/// <summary>[Tap(name)]: names the current value for a later Concat or Add; computes nothing (the graph makes it an
/// alias, not a node of the generated forward).</summary>
internal sealed record Tap(string Name) : Op
{
    public override string Display => "Tap(" + OpText.Quoted(Name) + ")";

    public override string Stem => "tap";

    public override IEnumerable<Invalid> Validate() => NameRule.Check(Name);
}
