using System.Buffers.Binary;
using System.IO.Compression;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Core.Imaging;

/// <summary>PNG decoder (ISO/IEC 15948) on <see cref="ZLibStream"/>: every colour type and bit depth, palettes,
/// <c>tRNS</c> transparency, Adam7 interlacing; every chunk's CRC is checked.</summary>
/// <remarks>Output channels: grey 1, grey + alpha 2, RGB 3, RGBA 4. A palette expands to RGB, or RGBA when the file
/// has <c>tRNS</c>; grey and RGB with <c>tRNS</c> gain an alpha channel (0 where the colour matches, else opaque).
/// Ancillary chunks other than <c>tRNS</c> are skipped (gamma and colour profiles are not applied), as in ffmpeg.</remarks>
public static class PngDecoder
{
    internal static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Reads a PNG file with 8 bits per sample (16-bit files are rounded to 8 bits; 1/2/4-bit grey is scaled to 0..255).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="ImageFormatException">The file is not a valid PNG or exceeds a limit; the message names the file and chunk.</exception>
    public static Image<byte> Read(string path, ReadLimits? limits = null) => Decode(ReadFile(path, limits), path, limits);

    /// <summary>Reads a PNG file with 16 bits per sample (8-bit samples are scaled by 257).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="ImageFormatException">The file is not a valid PNG or exceeds a limit; the message names the file and chunk.</exception>
    public static Image<ushort> Read16(string path, ReadLimits? limits = null) => Decode16(ReadFile(path, limits), path, limits);

    private static byte[] ReadFile(string path, ReadLimits? limits) =>
        InputFile.ReadAllBytes(path, limits, detail => new ImageFormatException(path, null, detail));

    /// <summary>Decodes PNG bytes with 8 bits per sample.</summary>
    /// <param name="png">The whole file.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="ImageFormatException">The content is not a valid PNG or exceeds a limit.</exception>
    public static Image<byte> Decode(ReadOnlySpan<byte> png, string name = "<memory>", ReadLimits? limits = null)
    {
        var raster = DecodeRaster(png, name, limits ?? ReadLimits.Default);
        if (raster.Bytes is { } bytes) return new Image<byte>(raster.Width, raster.Height, raster.Channels, bytes);
        var wide = raster.Words!;
        var narrow = new byte[wide.Length];
        for (int i = 0; i < wide.Length; i++) narrow[i] = (byte)((wide[i] * 255 + 32767) / 65535);
        return new Image<byte>(raster.Width, raster.Height, raster.Channels, narrow);
    }

    /// <summary>Decodes PNG bytes with 16 bits per sample.</summary>
    /// <param name="png">The whole file.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="ImageFormatException">The content is not a valid PNG or exceeds a limit.</exception>
    public static Image<ushort> Decode16(ReadOnlySpan<byte> png, string name = "<memory>", ReadLimits? limits = null)
    {
        var raster = DecodeRaster(png, name, limits ?? ReadLimits.Default);
        if (raster.Words is { } words) return new Image<ushort>(raster.Width, raster.Height, raster.Channels, words);
        var bytes = raster.Bytes!;
        var wide = new ushort[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) wide[i] = (ushort)(bytes[i] * 257);
        return new Image<ushort>(raster.Width, raster.Height, raster.Channels, wide);
    }

    /// <summary>Reads only the header of a PNG file.</summary>
    public static PngHeader ReadHeader(string path)
    {
        Span<byte> head = stackalloc byte[33];
        using (var stream = InputFile.OpenRead(path, null, detail => new ImageFormatException(path, null, detail)))
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        if (head.Length < 33) throw Error(path, "IHDR", "file ends inside the header");
        var chunks = new ChunkReader(head, path);
        return ParseHeader(chunks.Next(true), path);
    }

    private sealed record Raster(int Width, int Height, int Channels, byte[]? Bytes, ushort[]? Words);

    private static Raster DecodeRaster(ReadOnlySpan<byte> png, string name, ReadLimits limits)
    {
        var chunks = new ChunkReader(png, name);
        var first = chunks.Next(true);
        var header = ParseHeader(first, name);
        // Output samples (up to 4 channels, alpha added by tRNS) must fit the limit before anything is decoded.
        ReadLimits.Check((long)header.Width * header.Height * 4, limits.MaxElements, $"the sample count of a {header.Width}x{header.Height} image (4 channels at most)",
            nameof(ReadLimits.MaxElements), detail => Error(name, "IHDR", detail));
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        bool sawIdat = false, idatEnded = false, sawEnd = false;
        while (!sawEnd)
        {
            var chunk = chunks.Next(false);
            if (chunk.Type == "IDAT")
            {
                if (idatEnded) throw Error(name, "IDAT", "IDAT chunks must be consecutive");
                sawIdat = true;
                idat.Write(chunk.Data);
                continue;
            }
            if (sawIdat) idatEnded = true;
            switch (chunk.Type)
            {
                case "IEND": sawEnd = true; break;
                case "PLTE":
                    if (chunk.Data.Length % 3 != 0 || chunk.Data.Length == 0 || chunk.Data.Length > 768)
                        throw Error(name, "PLTE", $"length {chunk.Data.Length} is not 3 x 1..256 entries");
                    palette = chunk.Data.ToArray();
                    break;
                case "tRNS": transparency = chunk.Data.ToArray(); break;
                case "IHDR": throw Error(name, "IHDR", "a second IHDR chunk");
                default:
                    if (char.IsUpper(chunk.Type[0]))
                        throw Error(name, chunk.Type, "unknown critical chunk");
                    break;
            }
        }
        if (!sawIdat) throw Error(name, "IDAT", "no image data");
        if (header.ColorType == PngColorType.Palette && palette is null)
            throw Error(name, "PLTE", "palette image without a PLTE chunk");
        return Reconstruct(header, Inflate(idat, header, name), palette, transparency, name);
    }

    private static PngHeader ParseHeader(Chunk chunk, string name)
    {
        if (chunk.Type != "IHDR") throw Error(name, chunk.Type, "the first chunk must be IHDR");
        var d = chunk.Data;
        if (d.Length != 13) throw Error(name, "IHDR", $"length {d.Length}, expected 13");
        int width = BinaryPrimitives.ReadInt32BigEndian(d);
        int height = BinaryPrimitives.ReadInt32BigEndian(d[4..]);
        if (width <= 0 || height <= 0) throw Error(name, "IHDR", $"image size {width}x{height} must be positive");
        byte depth = d[8];
        var color = (PngColorType)d[9];
        bool valid = color switch
        {
            PngColorType.Grey => depth is 1 or 2 or 4 or 8 or 16,
            PngColorType.Palette => depth is 1 or 2 or 4 or 8,
            PngColorType.Rgb or PngColorType.GreyAlpha or PngColorType.Rgba => depth is 8 or 16,
            _ => false,
        };
        if (!valid) throw Error(name, "IHDR", $"colour type {d[9]} with bit depth {depth} is not allowed");
        if (d[10] != 0 || d[11] != 0) throw Error(name, "IHDR", "compression and filter methods must be 0");
        if (d[12] > 1) throw Error(name, "IHDR", $"interlace method {d[12]}, expected 0 or 1");
        return new PngHeader(width, height, depth, color, d[12] == 1);
    }

    private static byte[] Inflate(MemoryStream idat, PngHeader header, string name)
    {
        long expected = 0;
        foreach (var pass in Adam7.Passes(header.Interlaced, header.Width, header.Height))
            expected += (long)pass.Height * (1 + header.RowBytes(pass.Width));
        if (expected > Array.MaxLength) throw Error(name, "IHDR", "image too large");
        // Deflate expands at most about 1032:1: more image bytes than that cannot come from these IDAT bytes.
        if (expected > idat.Length * 1032 + 1024)
            throw Error(name, "IDAT", $"{idat.Length} compressed bytes cannot hold the {expected} bytes a {header.Width}x{header.Height} image needs (truncated)");
        var buffer = new byte[expected];
        idat.Position = 0;
        int read;
        try
        {
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            read = zlib.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Error(name, "IDAT", $"corrupt zlib stream ({e.Message})");
        }
        if (read < expected) throw Error(name, "IDAT", $"truncated: {read} of {expected} image bytes");
        return buffer;
    }

    private static Raster Reconstruct(PngHeader h, byte[] data, byte[]? palette, byte[]? trns, string name)
    {
        int rawChannels = h.StoredChannels;
        bool addAlpha = trns is not null && h.ColorType is PngColorType.Grey or PngColorType.Rgb or PngColorType.Palette;
        int outChannels = h.ColorType switch
        {
            PngColorType.Palette => addAlpha ? 4 : 3,
            PngColorType.Grey => addAlpha ? 2 : 1,
            PngColorType.Rgb => addAlpha ? 4 : 3,
            _ => rawChannels,
        };
        bool wide = h.BitDepth == 16;
        var bytes = wide ? null : new byte[(long)h.Width * h.Height * outChannels];
        var words = wide ? new ushort[(long)h.Width * h.Height * outChannels] : null;
        int key0 = -1, key1 = -1, key2 = -1;
        if (addAlpha && h.ColorType == PngColorType.Grey)
        {
            if (trns!.Length < 2) throw Error(name, "tRNS", $"length {trns.Length}, expected 2 for greyscale");
            key0 = BinaryPrimitives.ReadUInt16BigEndian(trns);
        }
        else if (addAlpha && h.ColorType == PngColorType.Rgb)
        {
            if (trns!.Length < 6) throw Error(name, "tRNS", $"length {trns.Length}, expected 6 for RGB");
            key0 = BinaryPrimitives.ReadUInt16BigEndian(trns);
            key1 = BinaryPrimitives.ReadUInt16BigEndian(trns.AsSpan(2));
            key2 = BinaryPrimitives.ReadUInt16BigEndian(trns.AsSpan(4));
        }
        int maxRaw = (1 << h.BitDepth) - 1;
        int bpp = Math.Max(1, h.BitDepth * rawChannels / 8);
        var samples = new int[h.Width * rawChannels];
        int offset = 0;
        foreach (var pass in Adam7.Passes(h.Interlaced, h.Width, h.Height))
        {
            int rowBytes = h.RowBytes(pass.Width);
            var prior = new byte[rowBytes];
            for (int py = 0; py < pass.Height; py++)
            {
                int type = data[offset];
                var row = data.AsSpan(offset + 1, rowBytes);
                if (!PngFilter.Unfilter(type, row, prior, bpp))
                    throw Error(name, "IDAT", $"unknown filter type {type} on row {py} of pass {pass.Index}");
                offset += 1 + rowBytes;
                Unpack(row, samples, pass.Width * rawChannels, h.BitDepth);
                int y = pass.Y0 + py * pass.DY;
                for (int px = 0; px < pass.Width; px++)
                {
                    int x = pass.X0 + px * pass.DX;
                    long o = ((long)y * h.Width + x) * outChannels;
                    int s = px * rawChannels;
                    if (h.ColorType == PngColorType.Palette)
                    {
                        int index = samples[s];
                        if (index * 3 + 2 >= palette!.Length)
                            throw Error(name, "PLTE", $"pixel ({x}, {y}) uses palette index {index} beyond {palette.Length / 3} entries");
                        bytes![o] = palette[index * 3];
                        bytes[o + 1] = palette[index * 3 + 1];
                        bytes[o + 2] = palette[index * 3 + 2];
                        if (addAlpha) bytes[o + 3] = index < trns!.Length ? trns[index] : (byte)255;
                        continue;
                    }
                    bool transparent = addAlpha && samples[s] == key0
                                       && (h.ColorType == PngColorType.Grey || (samples[s + 1] == key1 && samples[s + 2] == key2));
                    for (int c = 0; c < rawChannels; c++)
                    {
                        int v = samples[s + c];
                        if (wide) words![o + c] = (ushort)v;
                        else bytes![o + c] = (byte)(h.BitDepth == 8 ? v : v * 255 / maxRaw);
                    }
                    if (addAlpha)
                    {
                        if (wide) words![o + rawChannels] = transparent ? (ushort)0 : ushort.MaxValue;
                        else bytes![o + rawChannels] = transparent ? (byte)0 : byte.MaxValue;
                    }
                }
                row.CopyTo(prior);
            }
        }
        return new Raster(h.Width, h.Height, outChannels, bytes, words);
    }

    private static void Unpack(ReadOnlySpan<byte> row, int[] samples, int count, int depth)
    {
        switch (depth)
        {
            case 8:
                for (int i = 0; i < count; i++) samples[i] = row[i];
                break;
            case 16:
                for (int i = 0; i < count; i++) samples[i] = (row[2 * i] << 8) | row[2 * i + 1];
                break;
            default:
                int perByte = 8 / depth, mask = (1 << depth) - 1;
                for (int i = 0; i < count; i++)
                {
                    int shift = 8 - depth * (i % perByte + 1);
                    samples[i] = (row[i / perByte] >> shift) & mask;
                }
                break;
        }
    }

    private static ImageFormatException Error(string name, string? chunk, string problem) => new(name, chunk, problem);

    private readonly ref struct Chunk(string type, ReadOnlySpan<byte> data)
    {
        public string Type { get; } = type;
        public ReadOnlySpan<byte> Data { get; } = data;
    }

    private ref struct ChunkReader
    {
        private readonly ReadOnlySpan<byte> _png;
        private readonly string _name;
        private int _position;

        public ChunkReader(ReadOnlySpan<byte> png, string name)
        {
            _png = png;
            _name = name;
            if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
                throw Error(name, null, "not a PNG file (bad signature)");
            _position = 8;
        }

        public Chunk Next(bool first)
        {
            if (_png.Length - _position < 12)
                throw Error(_name, first ? "IHDR" : "IEND", $"file ends at byte {_png.Length} before the chunk (truncated file)");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(_png[_position..]);
            var typeBytes = _png.Slice(_position + 4, 4);
            string type = System.Text.Encoding.ASCII.GetString(typeBytes);
            foreach (byte b in typeBytes)
                if (!char.IsAsciiLetter((char)b)) throw Error(_name, type, $"invalid chunk type at byte {_position}");
            if (length > int.MaxValue || _position + 12L + length > _png.Length)
                throw Error(_name, type, $"length {length} runs past the end of the file (truncated)");
            var data = _png.Slice(_position + 8, (int)length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(_png[(_position + 8 + (int)length)..]);
            uint actual = Crc32.OfChunk(typeBytes, data);
            if (stored != actual)
                throw Error(_name, type, $"CRC mismatch at byte {_position}: stored 0x{stored:X8}, computed 0x{actual:X8}");
            _position += 12 + (int)length;
            return new Chunk(type, data);
        }
    }
}
