using System;
using System.IO;
using System.Linq;
using GanDsl.Data;
using Xunit;

namespace GanDsl.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-idx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_raw_and_gzip_images_scaled_to_minus_one_one_with_labels(bool gzip)
    {
        var images = IdxBytes.Create(new[] { 3, 2, 2 }, value: i => i == 0 ? (byte)0 : i == 1 ? (byte)255 : (byte)51);
        var labels = IdxBytes.Create(new[] { 3 }, value: i => (byte)(i + 4));
        var imagesPath = Write("images", gzip ? IdxBytes.Gzip(images) : images);
        var labelsPath = Write("labels", gzip ? IdxBytes.Gzip(labels) : labels);

        using var data = ImageDataset.FromIdx(imagesPath, labelsPath);

        Assert.Equal(3, data.Count);
        Assert.Equal(new TensorShape(1, 2, 2), data.ImageShape);
        var pixels = data.Images.data<float>().ToArray();
        Assert.Equal(-1f, pixels[0]);
        Assert.Equal(1f, pixels[1]);
        Assert.Equal(51 / 127.5f - 1f, pixels[2], 6);
        Assert.Equal(new long[] { 4, 5, 6 }, data.Labels!.data<long>().ToArray());
    }

    [Fact]
    public void Wrong_magic_is_refused_naming_the_file()
    {
        var bytes = IdxBytes.Create(new[] { 2, 2, 2 });
        bytes[0] = 0x42;
        var path = Write("bad-magic", bytes);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not an IDX file", e.Message);
    }

    [Fact]
    public void Unsupported_data_type_is_refused()
    {
        var path = Write("floats", IdxBytes.Create(new[] { 2, 2, 2 }, type: 0x0D));
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains("unsupported IDX data type 0x0D", e.Message);
    }

    [Fact]
    public void Truncated_data_is_refused_with_both_sizes()
    {
        var bytes = IdxBytes.Create(new[] { 4, 3, 3 });
        var path = Write("truncated", bytes[..^5]);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated: the header declares 4 x 3 x 3 = 36 bytes of data, the file has 31", e.Message);
    }

    [Fact]
    public void Truncated_header_is_refused()
    {
        var path = Write("short-header", IdxBytes.Create(new[] { 4, 3, 3 })[..9]);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains("truncated header: 3 dimensions need 16 bytes, the file has 9", e.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var path = Write("empty", Array.Empty<byte>());
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains("too short for the 4-byte IDX magic number", e.Message);
    }

    [Fact]
    public void Truncated_gzip_stream_is_refused()
    {
        var gz = IdxBytes.Gzip(IdxBytes.Create(new[] { 50, 10, 10 }, value: i => (byte)(i * 7919 % 251)));
        var path = Write("truncated.gz", gz[..(gz.Length / 2)]);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        var path = Write("trailing", IdxBytes.Create(new[] { 2, 2, 2 }).Concat(new byte[] { 1, 2, 3 }).ToArray());
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.Contains("3 unexpected bytes after the 8 bytes of data", e.Message);
    }

    [Fact]
    public void Image_and_label_counts_that_disagree_are_refused_naming_both_files()
    {
        var images = Write("images", IdxBytes.Create(new[] { 5, 2, 2 }));
        var labels = Write("labels", IdxBytes.Create(new[] { 4 }));
        var e = Assert.Throws<IdxFormatException>(() => ImageDataset.FromIdx(images, labels));
        Assert.Equal(labels, e.FilePath);
        Assert.Contains($"has 4 labels but {images} has 5 images", e.Message);
    }

    [Fact]
    public void Image_file_with_wrong_dimensions_is_refused()
    {
        var images = Write("flat-images", IdxBytes.Create(new[] { 5, 4 }));
        var e = Assert.Throws<IdxFormatException>(() => ImageDataset.FromIdx(images));
        Assert.Contains("an image file must have 3 dimensions (count, height, width), this one has 2 (5 x 4)", e.Message);
    }

    [Fact]
    public void Label_file_with_wrong_dimensions_is_refused()
    {
        var images = Write("images", IdxBytes.Create(new[] { 5, 2, 2 }));
        var labels = Write("square-labels", IdxBytes.Create(new[] { 5, 2 }));
        var e = Assert.Throws<IdxFormatException>(() => ImageDataset.FromIdx(images, labels));
        Assert.Contains("a label file must have 1 dimension, this one has 2 (5 x 2)", e.Message);
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        var path = Path.Combine(_folder, "nope");
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Bad_file_is_an_IOException_so_callers_can_catch_one_family()
    {
        Assert.True(typeof(IOException).IsAssignableFrom(typeof(IdxFormatException)));
    }
}
