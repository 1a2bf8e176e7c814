using System.IO;
using GanDsl.Data;
using Xunit;

namespace GanDsl.Tests.Data;

/// <summary>A package user has no repository folder: the t10k subset travels inside GanDsl.dll.</summary>
public sealed class BundledFashionMnistTests
{
    [Fact]
    public void The_bundled_subset_is_the_shipped_t10k_split_byte_for_byte()
    {
        using var bundled = FashionMnist.LoadBundled();
        using var files = FashionMnist.Load(ShippedData.FashionMnistFolder());
        Assert.Equal(10_000, bundled.Count);
        Assert.Equal(new TensorShape(1, 28, 28), bundled.ImageShape);
        Assert.True(bundled.Images.allclose(files.Images, rtol: 0, atol: 0));
        Assert.True(bundled.Labels!.eq(files.Labels!).all().item<bool>());
        Assert.Equal(FashionMnist.BundledSource, bundled.Source);
        Assert.Contains("embedded in GanDsl.dll", bundled.Source);
    }

    [Fact]
    public void Load_without_a_path_falls_back_to_the_bundled_subset_when_no_folder_has_the_files()
    {
        var empty = Directory.CreateTempSubdirectory("gandsl-no-fashion-").FullName;
        try
        {
            using var data = FashionMnist.LoadFirstFound(new[] { Path.Combine(empty, "missing"), empty }, train: true);
            Assert.Equal(FashionMnist.BundledSource, data.Source);
            Assert.Equal(10_000, data.Count);
        }
        finally { Directory.Delete(empty); }
    }

    [Fact]
    public void A_folder_that_has_the_files_comes_before_the_bundled_subset()
    {
        var folder = ShippedData.FashionMnistFolder();
        using var data = FashionMnist.LoadFirstFound(new[] { folder }, train: true);
        Assert.Contains(Path.GetFullPath(folder), data.Source);
    }

    [Fact]
    public void The_bundled_subset_carries_its_MIT_licence()
    {
        Assert.Contains("MIT License", FashionMnist.BundledLicense);
        Assert.Contains("Zalando", FashionMnist.BundledLicense);
        Assert.Equal(File.ReadAllText(Path.Combine(ShippedData.FashionMnistFolder(), "LICENSE")), FashionMnist.BundledLicense);
    }
}
