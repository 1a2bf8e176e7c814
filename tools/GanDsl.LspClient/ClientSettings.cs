namespace GanDsl.LspClient;

/// <summary>What the client tells the server about itself, as an editor's configuration would.</summary>
public sealed record ClientSettings
{
    /// <summary>csharp.analyzersEnabled: without it csharp-ls reports compiler diagnostics only, so no GANxxx.</summary>
    public bool AnalyzersEnabled { get; init; } = true;

    /// <summary>csharp.useMetadataUris: go-to-definition into generated code answers csharp:/…/generated/HINT URIs,
    /// read with the csharp/metadata request (what the csharp-ls editor plugins do).</summary>
    public bool UseMetadataUris { get; init; } = true;

    /// <summary>Declare pull-diagnostics support (textDocument/diagnostic, as VS Code does); csharp-ls then stops
    /// pushing textDocument/publishDiagnostics.</summary>
    public bool PullDiagnostics { get; init; }
}
