using System.Text.Json;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Tests.Imaging;

/// <summary>Every colour type x bit depth, Adam7 on tiny images with empty passes, every filter type, tRNS on every colour
/// type, split and zero-length IDAT chunks, ancillary chunks: decoded pixels equal the samples the generator wrote
/// (png/matrix/make_matrix.py; independent of any decoder, because ffmpeg 5.1 drops tRNS on interlaced or 1-bit grey).</summary>
public class PngMatrixTests
{
    private static readonly Lazy<Dictionary<string, string>> Expected = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(TestData.Path("png", "matrix", "expected.json")))!);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestData.Path("png", "matrix"), "*.png").Order()) data.Add(System.IO.Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void MatrixCoversEveryLegalLayoutInterlacedAndWithTransparency()
    {
        var headers = Directory.GetFiles(TestData.Path("png", "matrix"), "*.png").Select(PngDecoder.ReadHeader).ToList();
        Assert.Equal(15, headers.Where(h => !h.Interlaced).Select(h => (h.ColorType, h.BitDepth)).Distinct().Count());
        Assert.Equal(15, headers.Where(h => h.Interlaced).Select(h => (h.ColorType, h.BitDepth)).Distinct().Count());
        Assert.Contains(headers, h => h is { Interlaced: true, Width: 1 } or { Interlaced: true, Height: 1 });
        Assert.Equal(Files().Count, Expected.Value.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void DecodeEqualsGeneratedSamples(string name)
    {
        string path = TestData.Path("png", "matrix", name);
        var expected = Convert.FromBase64String(Expected.Value[name]);
        if (PngDecoder.ReadHeader(path).BitDepth == 16)
        {
            var words = PngDecoder.Read16(path).Pixels;
            var ours = new byte[words.Length * 2];
            for (int i = 0; i < words.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(ours.AsSpan(2 * i), words[i]);
            Assert.Equal(expected, ours);
        }
        else
        {
            Assert.Equal(expected, PngDecoder.Read(path).Pixels);
        }
    }
}
