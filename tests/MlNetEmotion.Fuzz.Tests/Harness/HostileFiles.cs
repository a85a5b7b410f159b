using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>Hand-built hostile files: decompression bombs, lying headers, deep nesting.</summary>
public static class HostileFiles
{
    /// <summary>A level 5 MAT-file whose one <c>miCOMPRESSED</c> element holds a <c>miMATRIX</c> tag declaring
    /// <paramref name="declaredBytes"/> followed by <paramref name="body"/>.</summary>
    public static byte[] MatCompressedBomb(uint declaredBytes, byte[] body)
    {
        var inner = new byte[8 + body.Length];
        body.CopyTo(inner, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(inner, 14); // miMATRIX
        BinaryPrimitives.WriteUInt32LittleEndian(inner.AsSpan(4), declaredBytes);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(inner);
        var file = new byte[128 + 8 + compressed.Length];
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, hostile input".PadRight(116)).CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(124), 0x0100);
        file[126] = (byte)'I';
        file[127] = (byte)'M';
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(128), 15); // miCOMPRESSED
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(132), (uint)compressed.Length);
        compressed.ToArray().CopyTo(file, 136);
        return file;
    }

    /// <summary>An 8-bit greyscale PNG whose header declares <paramref name="width"/> x <paramref name="height"/> but whose
    /// image data is one compressed row of <paramref name="dataBytes"/> zeros; chunk CRCs are valid.</summary>
    public static byte[] PngWithSize(int width, int height, int dataBytes = 16)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), no interlace
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(new byte[dataBytes]);
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return Checksums.RepairPng(png.ToArray());
    }

    /// <summary>A cascade XML whose root holds <paramref name="depth"/> nested elements.</summary>
    public static byte[] NestedXml(int depth) =>
        Encoding.ASCII.GetBytes("<?xml version=\"1.0\"?>\n<opencv_storage>" + string.Concat(Enumerable.Repeat("<a>", depth))
                                + string.Concat(Enumerable.Repeat("</a>", depth)) + "</opencv_storage>\n");

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]); // CRC, filled in by Checksums.RepairPng
    }
}
