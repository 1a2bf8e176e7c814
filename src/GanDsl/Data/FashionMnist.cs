using System;
using System.Collections.Generic;
using System.IO;

namespace GanDsl.Data;

/// <summary>
/// Loads Fashion-MNIST from IDX files. Without a path it uses the best copy it finds: the Debian package
/// dataset-fashion-mnist (60,000 training images), else a folder with the 10,000-image t10k subset (beside the
/// application or in a GanDsl repository checkout), else the same subset embedded in GanDsl.dll, so it always works
/// in a package consumer. <see cref="ImageDataset.Source"/> says which was used.
/// </summary>
public static class FashionMnist
{
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Where the subset lives inside the repository (and inside the examples' build output).</summary>
    public const string ShippedSubfolder = "examples/data/fashion-mnist";

    /// <param name="path">A folder with train-*/t10k-* IDX files (gzip or raw), or an images file; null to search
    /// (<see cref="CandidateFolders"/>, then the embedded subset).</param>
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

        return LoadFirstFound(CandidateFolders(), train);
    }

    /// <summary><see cref="ImageDataset.Source"/> of <see cref="LoadBundled"/>'s dataset.</summary>
    public const string BundledSource = "Fashion-MNIST t10k split (10,000 images), embedded in GanDsl.dll";

    /// <summary>The 10,000-image t10k split embedded in GanDsl.dll (MIT licence: <see cref="BundledLicense"/>),
    /// whatever is installed; needs no file.</summary>
    public static ImageDataset LoadBundled()
    {
        IdxArray images, labels;
        using (var stream = EmbeddedFiles.Open(BundledImages)) images = IdxReader.Read(stream, "GanDsl.dll!" + BundledImages);
        using (var stream = EmbeddedFiles.Open(BundledLabels)) labels = IdxReader.Read(stream, "GanDsl.dll!" + BundledLabels);
        return ImageDataset.FromIdx(images, labels, BundledSource);
    }

    /// <summary>The licence of the embedded subset (Fashion-MNIST, Copyright 2017 Zalando SE, MIT).</summary>
    public static string BundledLicense => EmbeddedFiles.ReadText(BundledLicenseFile);

    // Logical names given in GanDsl.csproj, from the files in examples/data/fashion-mnist.
    private const string BundledImages = "GanDsl/fashion-mnist/t10k-images-idx3-ubyte.gz";
    private const string BundledLabels = "GanDsl/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    private const string BundledLicenseFile = "GanDsl/fashion-mnist/LICENSE";

    /// <summary>The first of <paramref name="folders"/> that has the IDX files, else the embedded subset.</summary>
    internal static ImageDataset LoadFirstFound(IEnumerable<string> folders, bool train)
    {
        foreach (var folder in folders)
            if (FromFolder(folder, train) is { } found) return found;
        return LoadBundled();
    }

    /// <summary>The folders searched when no path is given, best first (after them, Load takes the embedded subset).</summary>
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
