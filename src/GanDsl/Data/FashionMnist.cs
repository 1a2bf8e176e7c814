using System;
using System.Collections.Generic;
using System.IO;

namespace GanDsl.Data;

/// <summary>
/// Loads Fashion-MNIST from IDX files. Without a path it uses the best copy it finds: the Debian package
/// dataset-fashion-mnist (60,000 training images), else the 10,000-image subset shipped with GanDsl's examples.
/// <see cref="ImageDataset.Source"/> says which files were used.
/// </summary>
public static class FashionMnist
{
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Where the subset lives inside the repository (and inside the examples' build output).</summary>
    public const string ShippedSubfolder = "examples/data/fashion-mnist";

    /// <param name="path">A folder with train-*/t10k-* IDX files (gzip or raw), or an images file; null to search.</param>
    /// <param name="train">Prefer the 60,000-image training split when the folder has both.</param>
    public static ImageDataset Load(string? path = null, bool train = true)
    {
        if (path is not null)
        {
            if (File.Exists(path)) return ImageDataset.FromIdx(path, LabelsFor(path), Path.GetFullPath(path));
            if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"{path}: no such Fashion-MNIST folder or file");
            return FromFolder(path, train) ?? throw new FileNotFoundException(
                $"{path}: no Fashion-MNIST IDX files (expected train-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz])");
        }

        foreach (var folder in CandidateFolders())
            if (FromFolder(folder, train) is { } found) return found;
        throw new FileNotFoundException(
            $"Fashion-MNIST not found: install the Debian package dataset-fashion-mnist ({DebianFolder}) or pass a folder of IDX files");
    }

    /// <summary>The folders searched when no path is given, best first.</summary>
    public static IEnumerable<string> CandidateFolders()
    {
        yield return DebianFolder;
        yield return Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                yield return Path.Combine(dir.FullName, ShippedSubfolder);
    }

    private static ImageDataset? FromFolder(string folder, bool train)
    {
        if (!Directory.Exists(folder)) return null;
        var splits = train ? new[] { "train", "t10k" } : new[] { "t10k", "train" };
        foreach (var split in splits)
        {
            var images = Find(folder, $"{split}-images-idx3-ubyte");
            if (images is null) continue;
            var labels = Find(folder, $"{split}-labels-idx1-ubyte");
            var name = split == "train" ? "training split" : "t10k split";
            return ImageDataset.FromIdx(images, labels, $"Fashion-MNIST {name}, {Path.GetFullPath(folder)}");
        }
        return null;
    }

    private static string? Find(string folder, string stem)
    {
        foreach (var name in new[] { stem + ".gz", stem })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static string? LabelsFor(string imagesPath)
    {
        var name = Path.GetFileName(imagesPath);
        if (!name.Contains("-images-idx3-ubyte", StringComparison.Ordinal)) return null;
        var labels = Path.Combine(Path.GetDirectoryName(imagesPath) ?? ".", name.Replace("-images-idx3-ubyte", "-labels-idx1-ubyte", StringComparison.Ordinal));
        return File.Exists(labels) ? labels : null;
    }
}
