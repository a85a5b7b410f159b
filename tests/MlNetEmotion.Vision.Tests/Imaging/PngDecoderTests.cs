using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Tests.Imaging;

public class PngDecoderTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestData.Path("png"), "*.png").Order()) data.Add(System.IO.Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void CoversEveryColourTypeBitDepthAndInterlacing()
    {
        var headers = Directory.GetFiles(TestData.Path("png"), "*.png").Select(PngDecoder.ReadHeader).ToList();
        var seen = headers.Select(h => (h.ColorType, h.BitDepth)).ToHashSet();
        (PngColorType, int)[] required =
        [
            (PngColorType.Grey, 1), (PngColorType.Grey, 2), (PngColorType.Grey, 4), (PngColorType.Grey, 8), (PngColorType.Grey, 16),
            (PngColorType.Rgb, 8), (PngColorType.Rgb, 16), (PngColorType.Palette, 1), (PngColorType.Palette, 2),
            (PngColorType.Palette, 4), (PngColorType.Palette, 8), (PngColorType.GreyAlpha, 8), (PngColorType.GreyAlpha, 16),
            (PngColorType.Rgba, 8), (PngColorType.Rgba, 16),
        ];
        Assert.All(required, r => Assert.Contains(r, seen));
        Assert.True(headers.Count(h => h.Interlaced) >= 4);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void DecodeEqualsFfmpegPixelForPixel(string name)
    {
        string path = TestData.Path("png", name);
        var header = PngDecoder.ReadHeader(path);
        if (header.BitDepth == 16)
        {
            var image = PngDecoder.Read16(path);
            string fmt = image.Channels switch { 1 => "gray16be", 2 => "ya16be", 3 => "rgb48be", _ => "rgba64be" };
            var reference = TestData.FfmpegRaw(path, fmt);
            var ours = new byte[image.Pixels.Length * 2];
            for (int i = 0; i < image.Pixels.Length; i++)
            {
                ours[2 * i] = (byte)(image.Pixels[i] >> 8);
                ours[2 * i + 1] = (byte)image.Pixels[i];
            }
            Assert.Equal(reference, ours);
        }
        else
        {
            var image = PngDecoder.Read(path);
            string fmt = image.Channels switch { 1 => "gray", 2 => "ya8", 3 => "rgb24", _ => "rgba" };
            Assert.Equal(TestData.FfmpegRaw(path, fmt), image.Pixels);
        }
    }

    [Fact]
    public void BadCrcNamesFileAndChunk()
    {
        string dir = TestData.TempDir();
        string path = System.IO.Path.Combine(dir, "bad-crc.png");
        var bytes = File.ReadAllBytes(TestData.Path("png", "pngtest.png"));
        int idat = IndexOf(bytes, "IDAT"u8);
        bytes[idat + 10] ^= 0x55;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ImageFormatException>(() => PngDecoder.Read(path));
        Assert.Equal("IDAT", e.Part);
        Assert.Contains(path, e.Message);
        Assert.Contains("CRC", e.Message);
    }

    [Fact]
    public void TruncatedIdatNamesFileAndChunk()
    {
        var image = RandomImage(new Random(3), 40, 30, 3);
        var bytes = PngEncoder.Encode(image, System.IO.Compression.CompressionLevel.NoCompression);
        // Rebuild the file with the IDAT payload cut in half and a correct CRC, so only the zlib data is short.
        int idat = IndexOf(bytes, "IDAT"u8);
        int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(idat - 4));
        var payload = bytes.AsSpan(idat + 4, length / 2).ToArray();
        using var ms = new MemoryStream();
        ms.Write(bytes, 0, idat - 4);
        var chunk = new byte[12 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, payload.Length);
        "IDAT"u8.CopyTo(chunk.AsSpan(4));
        payload.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + payload.Length),
            BitwiseCrc(chunk.AsSpan(4, 4 + payload.Length)));
        ms.Write(chunk);
        ms.Write(bytes, idat + 8 + length, bytes.Length - (idat + 8 + length));
        var e = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(ms.ToArray(), "cut.png"));
        Assert.Equal("IDAT", e.Part);
        Assert.Contains("cut.png", e.Message);
    }

    [Fact]
    public void TruncatedFileAndBadSignatureAreTypedErrors()
    {
        var bytes = File.ReadAllBytes(TestData.Path("png", "block.png"));
        Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(bytes.AsSpan(0, bytes.Length - 20), "short.png"));
        var notPng = (byte[])bytes.Clone();
        notPng[1] = (byte)'X';
        Assert.Contains("signature", Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(notPng, "x.png")).Message);
    }

    internal static Image<byte> RandomImage(Random random, int width, int height, int channels)
    {
        var image = new Image<byte>(width, height, channels);
        // Smooth content with noise, so every filter type gets chosen somewhere.
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                    image[y, x, c] = (byte)(x * 3 + y * (c + 1) + random.Next(0, (c + 1) * 20));
        return image;
    }

    /// <summary>Bit-at-a-time CRC-32, an independent check on the decoder's table-driven one.</summary>
    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    internal static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
