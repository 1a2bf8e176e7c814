using System;
using System.IO;
using System.Linq;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Data;

/// <summary>Any folder of PNG/JPEG pictures as an RGB dataset, each resized to a fixed size (e.g. CIFAR-like 32x32).</summary>
public static class ImageFolder
{
    private static readonly string[] Extensions = { ".png", ".jpg", ".jpeg" };

    /// <summary>Reads every PNG/JPEG under <paramref name="folder"/> (recursively) into (N, 3, height, width) in [-1, 1].</summary>
    public static ImageDataset Load(string folder, int width, int height)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}x{height} must be positive");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such image folder");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"{folder}: no PNG or JPEG images found");

        int plane = width * height;
        var pixels = new float[(long)files.Length * 3 * plane];
        for (int i = 0; i < files.Length; i++)
            Decode(files[i], width, height, pixels.AsSpan(i * 3 * plane, 3 * plane));

        TorchBackend.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(pixels, new long[] { files.Length, 3, height, width });
        return ImageDataset.FromTensor(images, null, $"{files.Length} images from {Path.GetFullPath(folder)}, resized to {width}x{height}");
    }

    /// <summary>Decodes one picture into CHW floats in [-1, 1].</summary>
    private static void Decode(string file, int width, int height, Span<float> chw)
    {
        using var original = SKBitmap.Decode(file)
            ?? throw new InvalidDataException($"{file}: not a readable PNG or JPEG image");
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = original.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidDataException($"{file}: could not be resized to {width}x{height}");
        int plane = width * height;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var color = resized.GetPixel(x, y);
                int at = y * width + x;
                chw[at] = color.Red / 127.5f - 1f;
                chw[plane + at] = color.Green / 127.5f - 1f;
                chw[2 * plane + at] = color.Blue / 127.5f - 1f;
            }
    }
}
