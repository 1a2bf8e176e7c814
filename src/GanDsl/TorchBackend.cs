using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TorchSharp;

namespace GanDsl;

/// <summary>
/// GanDsl depends on the managed TorchSharp package and leaves the libtorch backend (CPU or CUDA) to the application.
/// Without one, TorchSharp's type initializer fails with a long trace; GanDsl's entry points call
/// <see cref="EnsureLoaded"/> first so the user reads which packages to add instead.
/// </summary>
internal static class TorchBackend
{
    private static volatile bool _loaded;

    public static void EnsureLoaded()
    {
        if (_loaded) return;
        try
        {
            RuntimeHelpers.RunClassConstructor(typeof(torch).TypeHandle); // loads the native backend
            _loaded = true;
        }
        catch (Exception e)
        {
            var explained = Explain(e, ReferencedLibraries());
            if (ReferenceEquals(explained, e)) throw;
            throw explained;
        }
    }

    /// <summary>Turns TorchSharp's failure into <see cref="TorchBackendMissingException"/> when the application has no
    /// libtorch package (<paramref name="libraries"/>: the names in its deps file, null when unknown); any other
    /// failure (a libtorch that is there but does not load) is returned as it is.</summary>
    public static Exception Explain(Exception failure, IReadOnlyCollection<string>? libraries)
    {
        bool missing = libraries is not null
            ? !HasBackend(libraries)
            : failure is TypeInitializationException { InnerException: NotSupportedException } or NotSupportedException;
        return missing ? new TorchBackendMissingException(MissingMessage(), failure) : failure;
    }

    private static bool HasBackend(IEnumerable<string> libraries)
    {
        foreach (var name in libraries)
            if (name.StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string MissingMessage()
    {
        var v = typeof(torch).Assembly.GetName().Version;
        var version = v is null ? "" : $"{v.Major}.{v.Minor}.{v.Build}";
        return "GanDsl needs a libtorch backend and this application references none. GanDsl depends on the managed "
            + "TorchSharp package only, so the application chooses its backend: add exactly one of "
            + $"<PackageReference Include=\"TorchSharp-cpu\" Version=\"{version}\" /> (CPU, any OS), "
            + $"TorchSharp-cuda-linux or TorchSharp-cuda-windows (NVIDIA GPUs), version {version}, to the application's project.";
    }

    /// <summary>Library names (without versions) in the running application's deps files; null when it has none.</summary>
    public static IReadOnlyCollection<string>? ReferencedLibraries()
    {
        if (AppContext.GetData("APP_CONTEXT_DEPS_FILES") is not string files) return null;
        var names = new List<string>();
        bool read = false;
        foreach (var file in files.Split(new[] { Path.PathSeparator, ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!File.Exists(file)) continue;
            try
            {
                using var stream = File.OpenRead(file);
                using var json = JsonDocument.Parse(stream);
                if (!json.RootElement.TryGetProperty("libraries", out var libraries)) continue;
                foreach (var library in libraries.EnumerateObject())
                {
                    int slash = library.Name.IndexOf('/');
                    names.Add(slash < 0 ? library.Name : library.Name[..slash]);
                }
                read = true;
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                // An unreadable deps file says nothing about the backend; fall back to TorchSharp's failure kind.
            }
        }
        return read ? names : null;
    }
}
