using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg;
using MlNetEmotion.Eeg.IO.Mat;
using MlNetEmotion.Fuzz.Tests.Harness;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>Sizes a file declares are checked against its length and <see cref="ReadLimits"/> before anything is allocated.</summary>
public sealed class LimitTests
{
    [Fact]
    public void Mat_element_declaring_more_than_deflate_can_produce_is_refused_before_inflating()
    {
        var bomb = HostileFiles.MatCompressedBomb(declaredBytes: 1u << 30, new byte[16 << 20]);

        var (error, allocated) = Allocation.Measure(() => MatReader.Read(bomb, "bomb.mat"));

        var e = Assert.IsType<EegFormatException>(error);
        Assert.Contains("bomb.mat", e.Message);
        Assert.Contains("more than deflate can produce", e.Message);
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Mat_decompression_limit_is_named_and_can_be_raised()
    {
        var body = new byte[64 << 10];
        new Random(1).NextBytes(body);
        var file = HostileFiles.MatCompressedBomb(declaredBytes: (uint)body.Length, body);

        var e = Assert.Throws<EegFormatException>(() => MatReader.Read(file, "big.mat", new ReadLimits { MaxDecompressedBytes = 16 << 10 }));
        Assert.Contains("ReadLimits.MaxDecompressedBytes", e.Message);
        // With the default limit the 64 KiB element inflates; its random matrix is then refused as malformed, not as too large.
        var malformed = Assert.Throws<EegFormatException>(() => MatReader.Read(file, "big.mat"));
        Assert.DoesNotContain("ReadLimits", malformed.Message);
    }

    [Theory]
    [InlineData(1 << 30, 1 << 30)]
    [InlineData(int.MaxValue, 3)]
    [InlineData(100_000, 100_000)]
    public void Png_with_a_huge_header_size_is_refused_at_the_header(int width, int height)
    {
        var (error, allocated) = Allocation.Measure(() => PngDecoder.Decode(HostileFiles.PngWithSize(width, height), "huge.png"));

        var e = Assert.IsType<ImageFormatException>(error);
        Assert.Equal("IHDR", e.Part);
        Assert.Contains("ReadLimits.MaxElements", e.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Png_whose_data_cannot_fill_its_size_is_refused_before_allocating_the_image()
    {
        var (error, allocated) = Allocation.Measure(() => PngDecoder.Decode(HostileFiles.PngWithSize(30_000, 1_000), "short.png"));

        var e = Assert.IsType<ImageFormatException>(error);
        Assert.Equal("IDAT", e.Part);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Png_element_limit_refuses_a_valid_image_until_raised()
    {
        var png = File.ReadAllBytes(Path.Combine(FuzzTargets.DataRoot, "vision", "chessboard_RGB.png"));

        Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(png, "chessboard_RGB.png", new ReadLimits { MaxElements = 100 }));
        var image = PngDecoder.Decode(png, "chessboard_RGB.png");
        Assert.Equal(image.Width * image.Height * image.Channels, image.Pixels.Length);
    }
}
