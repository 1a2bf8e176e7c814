using System.IO;
using System.Linq;
using GanDsl.Data;
using Xunit;

namespace GanDsl.Tests.Data;

public sealed class FashionMnistTests
{
    [Fact]
    public void Shipped_subset_loads_ten_thousand_labelled_images_in_range()
    {
        using var data = FashionMnist.Load(ShippedData.FashionMnistFolder());
        Assert.Equal(10_000, data.Count);
        Assert.Equal(new TensorShape(1, 28, 28), data.ImageShape);
        Assert.Contains("t10k", data.Source);
        Assert.True(data.Images.min().item<float>() >= -1f && data.Images.max().item<float>() <= 1f);
        var labels = data.Labels!.data<long>().ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), labels.Distinct().Order());
    }

    [Fact]
    public void A_folder_without_idx_files_is_a_clear_error()
    {
        var empty = Directory.CreateTempSubdirectory("gandsl-empty-").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(empty));
            Assert.Contains("no Fashion-MNIST IDX files", e.Message);
        }
        finally { Directory.Delete(empty); }
    }

    [Fact]
    public void Take_keeps_the_first_samples()
    {
        using var data = FashionMnist.Load(ShippedData.FashionMnistFolder());
        using var few = data.Take(7);
        Assert.Equal(7, few.Count);
        Assert.True(few.Images.allclose(data.Images[..7], rtol: 0, atol: 0));
    }
}
