using System.IO;

namespace GanDsl;

/// <summary>
/// Files embedded in GanDsl.dll, by the logical names GanDsl.csproj gives them (EmbeddedResource LogicalName), so a
/// package user gets them without a repository checkout.
/// </summary>
internal static class EmbeddedFiles
{
    public static Stream Open(string name) =>
        typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
        ?? throw new FileNotFoundException($"{name} is not embedded in this build of GanDsl.dll", name);

    public static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
