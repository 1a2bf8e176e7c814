using GanDsl.Data;
using TorchSharp;

namespace GanDsl.Tests.Training;

internal static class TinyData
{
    /// <summary>Seeded "images": bright blobs on a dark background, (n, 1, 6, 6) in [-1, 1].</summary>
    public static ImageDataset Create(int n, long seed = 5)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        var images = (torch.rand(new long[] { n, 1, 6, 6 }, generator: generator) * 0.5 - 1).clamp(-1, 1);
        images[.., .., 2..4, 2..4] = torch.tensor(0.9f);
        return ImageDataset.FromTensor(images, null, $"tiny synthetic set ({n} images)");
    }
}
