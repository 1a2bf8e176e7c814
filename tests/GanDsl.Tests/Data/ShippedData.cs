using System.IO;
using System.Linq;
using GanDsl.Data;

namespace GanDsl.Tests.Data;

/// <summary>The Fashion-MNIST subset shipped in the repository, found the way FashionMnist.Load finds it
/// (skipping the Debian folder, so tests see the same data on every machine).</summary>
internal static class ShippedData
{
    public static string FashionMnistFolder() =>
        FashionMnist.CandidateFolders()
            .Where(f => f != FashionMnist.DebianFolder)
            .First(f => File.Exists(Path.Combine(f, "t10k-images-idx3-ubyte.gz")));
}
