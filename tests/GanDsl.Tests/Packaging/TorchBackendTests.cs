using System;
using Xunit;

namespace GanDsl.Tests.Packaging;

/// <summary>GanDsl depends on the managed TorchSharp package only; an application without a libtorch backend
/// package gets an error that names the packages to add, not TorchSharp's trace.</summary>
public sealed class TorchBackendTests
{
    private static Exception TorchSharpFailure() =>
        new TypeInitializationException("TorchSharp.torch", new NotSupportedException(
            "This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64, Version=2.10.0.0."));

    [Fact]
    public void Without_a_libtorch_package_the_error_names_the_backend_packages()
    {
        var failure = TorchSharpFailure();
        var explained = TorchBackend.Explain(failure, new[] { "GanDsl", "TorchSharp", "SkiaSharp" });
        var missing = Assert.IsType<TorchBackendMissingException>(explained);
        Assert.Contains("TorchSharp-cpu", missing.Message);
        Assert.Contains("TorchSharp-cuda-linux", missing.Message);
        Assert.Contains("TorchSharp-cuda-windows", missing.Message);
        Assert.Contains("<PackageReference Include=\"TorchSharp-cpu\" Version=\"0.107.0\" />", missing.Message);
        Assert.Same(failure, missing.InnerException);
    }

    [Fact]
    public void With_a_libtorch_package_TorchSharp_own_failure_is_kept()
    {
        var failure = TorchSharpFailure();
        Assert.Same(failure, TorchBackend.Explain(failure, new[] { "TorchSharp", "libtorch-cpu-linux-x64" }));
        Assert.Same(failure, TorchBackend.Explain(failure, new[] { "TorchSharp", "libtorch-cuda-12.8-linux-x64" }));
    }

    [Fact]
    public void Without_a_dependency_list_TorchSharp_not_supported_failure_means_no_backend()
    {
        Assert.IsType<TorchBackendMissingException>(TorchBackend.Explain(TorchSharpFailure(), null));
        var other = new DllNotFoundException("libLibTorchSharp.so: version `GLIBCXX_3.4.32' not found");
        Assert.Same(other, TorchBackend.Explain(other, null));
    }

    [Fact]
    public void This_test_host_lists_its_libtorch_package_and_loads_the_backend()
    {
        var libraries = TorchBackend.ReferencedLibraries();
        Assert.NotNull(libraries);
        Assert.Contains(libraries!, name => name.StartsWith("libtorch-cpu", StringComparison.OrdinalIgnoreCase));
        TorchBackend.EnsureLoaded();
    }
}
