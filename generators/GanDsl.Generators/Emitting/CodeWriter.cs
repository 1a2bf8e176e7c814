using System.Text;

namespace GanDsl.Generators.Emitting;

/// <summary>A small indented text writer; generated files always use "\n" line endings.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes code followed by a trailing comment aligned at <paramref name="column"/>.</summary>
    public CodeWriter Line(string code, string comment, int column)
    {
        int width = _indent * 4 + code.Length;
        int pad = width < column ? column - width : 1;
        return Line(code + new string(' ', pad) + "// " + comment);
    }

    public CodeWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
