using System.Buffers.Binary;
using System.IO.Compression;

namespace MlNetEmotion.Core.Imaging;

/// <summary>PNG encoder: 8- or 16-bit grey, grey + alpha, RGB and RGBA, non-interlaced, adaptive per-row filters.</summary>
public static class PngEncoder
{
    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> through a temporary file, so a failed
    /// write never leaves a half-written PNG.</summary>
    /// <param name="path">Destination file; replaced if it exists.</param>
    /// <param name="image">8-bit image with 1 to 4 channels.</param>
    /// <param name="level">zlib compression level; default <see cref="CompressionLevel.Optimal"/>.</param>
    public static void Write(string path, Image<byte> image, CompressionLevel level = CompressionLevel.Optimal) =>
        WriteAtomically(path, Encode(image, level));

    /// <summary>Writes a 16-bit image to <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">Destination file; replaced if it exists.</param>
    /// <param name="image">16-bit image with 1 to 4 channels.</param>
    /// <param name="level">zlib compression level; default <see cref="CompressionLevel.Optimal"/>.</param>
    public static void Write(string path, Image<ushort> image, CompressionLevel level = CompressionLevel.Optimal) =>
        WriteAtomically(path, Encode(image, level));

    /// <summary>Encodes an 8-bit image as PNG bytes.</summary>
    public static byte[] Encode(Image<byte> image, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(image);
        return EncodeRows(image.Width, image.Height, image.Channels, 8, level, (y, row) => image.Row(y).CopyTo(row));
    }

    /// <summary>Encodes a 16-bit image as PNG bytes (samples big-endian, as PNG stores them).</summary>
    public static byte[] Encode(Image<ushort> image, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(image);
        return EncodeRows(image.Width, image.Height, image.Channels, 16, level, (y, row) =>
        {
            var samples = image.Row(y);
            for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(row[(2 * i)..], samples[i]);
        });
    }

    internal static void WriteAtomically(string path, byte[] bytes) => IO.AtomicFile.Write(path, stream => stream.Write(bytes));

    private delegate void RowWriter(int y, Span<byte> row);

    private static byte[] EncodeRows(int width, int height, int channels, int depth, CompressionLevel level, RowWriter fill)
    {
        var color = channels switch
        {
            1 => PngColorType.Grey,
            2 => PngColorType.GreyAlpha,
            3 => PngColorType.Rgb,
            _ => PngColorType.Rgba,
        };
        var header = new PngHeader(width, height, depth, color, false);
        int rowBytes = header.RowBytes(width), bpp = channels * depth / 8;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            var prior = new byte[rowBytes];
            var raw = new byte[rowBytes];
            var best = new byte[rowBytes + 1];
            var trial = new byte[rowBytes];
            for (int y = 0; y < height; y++)
            {
                fill(y, raw);
                ChooseFilter(raw, prior, bpp, best, trial);
                zlib.Write(best);
                (prior, raw) = (raw, prior);
            }
        }
        using var output = new MemoryStream();
        output.Write(PngDecoder.Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = (byte)depth;
        ihdr[9] = (byte)color;
        ihdr[10] = ihdr[11] = ihdr[12] = 0;
        WriteChunk(output, "IHDR"u8, ihdr);
        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>Picks the filter with the smallest sum of absolute signed bytes (the libpng heuristic).</summary>
    private static void ChooseFilter(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, int bpp, Span<byte> best, Span<byte> trial)
    {
        long bestScore = long.MaxValue;
        for (int type = 0; type < PngFilter.Count; type++)
        {
            PngFilter.Apply(type, raw, prior, bpp, trial);
            long score = 0;
            foreach (byte b in trial) score += Math.Abs((int)(sbyte)b);
            if (score < bestScore)
            {
                bestScore = score;
                best[0] = (byte)type;
                trial.CopyTo(best[1..]);
            }
        }
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.OfChunk(type, data));
        output.Write(word);
    }
}
