using System;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Output;

/// <summary>Tiles a batch of images in [-1, 1] into one PNG: the per-epoch picture of what the generator makes.</summary>
public static class SampleGrid
{
    private const int Gap = 2;

    /// <summary>Writes <paramref name="images"/> (N, C, H, W), C = 1 or 3, as a PNG grid (atomically).</summary>
    public static void SavePng(Tensor images, string path, int? columns = null, int scale = 2) =>
        AtomicFile.WriteAllBytes(path, Render(images, columns, scale));

    /// <summary>The PNG bytes of the grid; <paramref name="scale"/> enlarges each pixel so small images stay visible.</summary>
    public static byte[] Render(Tensor images, int? columns = null, int scale = 2)
    {
        if (images.dim() != 4 || images.shape[1] is not (1 or 3))
            throw new ArgumentException($"a sample grid needs (N, 1|3, H, W) images; got ({string.Join(", ", images.shape)})", nameof(images));
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be at least 1");
        int n = (int)images.shape[0], c = (int)images.shape[1], h = (int)images.shape[2], w = (int)images.shape[3];
        if (n == 0) throw new ArgumentException("a sample grid needs at least one image", nameof(images));
        int cols = Math.Clamp(columns ?? (int)Math.Ceiling(Math.Sqrt(n)), 1, n);
        int rows = (n + cols - 1) / cols;

        float[] values;
        using (torch.NewDisposeScope())
            values = images.detach().to(torch.CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();

        int width = Gap + cols * (w * scale + Gap), height = Gap + rows * (h * scale + Gap);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(40, 40, 40));
        int plane = h * w;
        for (int i = 0; i < n; i++)
        {
            int left = Gap + i % cols * (w * scale + Gap), top = Gap + i / cols * (h * scale + Gap);
            int image = i * c * plane;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int at = image + y * w + x;
                    byte r = ToByte(values[at]);
                    var color = c == 1 ? new SKColor(r, r, r) : new SKColor(r, ToByte(values[at + plane]), ToByte(values[at + 2 * plane]));
                    for (int dy = 0; dy < scale; dy++)
                        for (int dx = 0; dx < scale; dx++)
                            bitmap.SetPixel(left + x * scale + dx, top + y * scale + dy, color);
                }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>[-1, 1] to [0, 255]; NaN shows as black rather than failing the run.</summary>
    private static byte ToByte(float v) => float.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(MathF.Round((v + 1f) * 127.5f), 0f, 255f);
}
