using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GanDsl.Generators.Ops;

/// <summary>Culture-invariant text for displays and generated code (the generator runs under the user's culture).</summary>
internal static class OpText
{
    /// <summary>A number as the user would read it in a message: "0.2", "1E-05".</summary>
    public static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A C# double literal that round-trips: "0.2", "1.0", "1E-05".</summary>
    public static string Literal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains(".") || text.Contains("E") ? text : text + ".0";
    }

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>"1, 28, 28".</summary>
    public static string Join(IEnumerable<long> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A name in an attribute's display: "\"e1\"".</summary>
    public static string Quoted(string? name) => name is null ? "null" : "\"" + name + "\"";
}

/// <summary>What a value name (Tap, Concat, Add) may be: it appears in messages and generated comments.</summary>
internal static class NameRule
{
    public const int MaxLength = 64;

    public static IEnumerable<Invalid> Check(string? name)
    {
        if (name is null || name.Length == 0)
            yield return new Invalid("needs a name, such as \"e1\"");
        else if (name.Length > MaxLength || !name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '-' or '.')))
            yield return new Invalid(System.FormattableString.Invariant($"a name is at most {MaxLength} letters, digits, '_', '-' or '.'"));
    }
}
