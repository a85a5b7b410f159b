using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlNetEmotion.Core.IO;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format 1.0 written; 1.0, 2.0 and 3.0 read): little-endian
/// <c>uint8</c>, <c>int32</c>, <c>int64</c>, <c>float32</c> and <c>float64</c> arrays of any rank.
/// Files in Fortran order are read and returned in C order. Output is readable by <c>numpy.load</c>.
/// </summary>
public static partial class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads an array from a <c>.npy</c> file.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="NpyFormatException">The file is not a supported <c>.npy</c> file, is truncated, holds more data than its
    /// shape, or exceeds a limit.</exception>
    public static NpyArray Read(string path, ReadLimits? limits = null)
    {
        using var stream = InputFile.OpenRead(path, limits, detail => new NpyFormatException($"{path}: {detail}"));
        return Read(stream, path, limits);
    }

    /// <summary>Reads only the shape from the header of a <c>.npy</c> file (nothing is allocated for the data).</summary>
    /// <param name="path">File to read.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="NpyFormatException">The header is malformed or declares more data than the file holds.</exception>
    public static IReadOnlyList<int> ReadShape(string path, ReadLimits? limits = null)
    {
        using var stream = InputFile.OpenRead(path, limits, detail => new NpyFormatException($"{path}: {detail}"));
        return ReadHeader(stream, path, limits ?? ReadLimits.Default).Shape;
    }

    /// <summary>Reads an array from a stream positioned at the start of <c>.npy</c> content.</summary>
    /// <param name="stream">Source stream.</param>
    /// <param name="sourceName">Name used in error messages (for example the file path).</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="NpyFormatException">The content is not a supported <c>.npy</c> array, is truncated, holds more data than its
    /// shape (checked when the stream can seek), or exceeds a limit.</exception>
    public static NpyArray Read(Stream stream, string sourceName = "<stream>", ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (dataType, fortranOrder, shape, count) = ReadHeader(stream, sourceName, limits ?? ReadLimits.Default);
        var array = new NpyArray(Allocate(dataType, (int)count), shape);
        Span<byte> bytes = array.WritableBytes;
        ReadExactly(stream, bytes, sourceName, $"{count} elements of {dataType} data");
        if (stream.CanSeek && stream.Position != stream.Length)
            throw new NpyFormatException($"{sourceName}: {stream.Length - stream.Position} bytes follow the {count} elements its shape declares.");
        if (fortranOrder && shape.Length > 1)
            FortranToC(bytes, shape, ElementSize(dataType));
        return array;
    }

    /// <summary>Reads and checks the header; the element count is within the limits and, for a seekable stream, within its length.</summary>
    private static (NpyDataType DataType, bool FortranOrder, int[] Shape, long Count) ReadHeader(Stream stream, string sourceName, ReadLimits limits)
    {
        Span<byte> preamble = stackalloc byte[12];
        ReadExactly(stream, preamble[..8], sourceName, "the 8-byte magic and version");
        if (!preamble[..6].SequenceEqual(Magic))
            throw new NpyFormatException($"{sourceName}: not a .npy file (the magic string \\x93NUMPY is missing).");
        byte major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            ReadExactly(stream, preamble.Slice(8, 2), sourceName, "the header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble.Slice(8, 2));
        }
        else if (major is 2 or 3)
        {
            ReadExactly(stream, preamble.Slice(8, 4), sourceName, "the header length");
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(preamble.Slice(8, 4));
            if (length > 1 << 24)
                throw new NpyFormatException($"{sourceName}: header length {length} is implausible.");
            headerLength = (int)length;
        }
        else
        {
            throw new NpyFormatException($"{sourceName}: .npy format version {major}.{preamble[7]} is not supported (expected 1.0, 2.0 or 3.0).");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, sourceName, "the header");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (dataType, fortranOrder, shape) = ParseHeader(header, sourceName);

        Func<string, Exception> error = detail => new NpyFormatException($"{sourceName}: {detail}");
        long count = 1;
        foreach (int extent in shape) count = Math.Min(count * extent, long.MaxValue / int.MaxValue);
        ReadLimits.Check(count, Math.Min(limits.MaxElements, Array.MaxLength), "the element count of the shape", nameof(ReadLimits.MaxElements), error);
        if (stream.CanSeek && count * ElementSize(dataType) > stream.Length - stream.Position)
            throw error($"file is truncated: its shape [{string.Join(", ", shape)}] needs {count * ElementSize(dataType)} bytes of data but only {stream.Length - stream.Position} follow the header.");
        return (dataType, fortranOrder, shape, count);
    }

    /// <summary>Writes an array to a <c>.npy</c> file (format 1.0, C order); the file appears only once fully written.</summary>
    /// <param name="path">Destination file; replaced if it exists.</param>
    /// <param name="array">The array to write.</param>
    public static void Write(string path, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, stream => Write(stream, array));
    }

    /// <summary>Writes flat C-order data with the given shape to a <c>.npy</c> file (format 1.0).</summary>
    /// <typeparam name="T"><see cref="byte"/>, <see cref="int"/>, <see cref="long"/>, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="path">Destination file; replaced if it exists.</param>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">Extent of each dimension; the product must equal <c>data.Length</c>.</param>
    public static void Write<T>(string path, T[] data, params int[] shape) where T : unmanaged =>
        Write(path, new NpyArray(data, shape));

    /// <summary>Writes an array as <c>.npy</c> format 1.0 content to a stream.</summary>
    /// <param name="stream">Destination stream.</param>
    /// <param name="array">The array to write.</param>
    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        string shapeText = array.Shape.Count switch
        {
            0 => "()",
            1 => $"({array.Shape[0]},)",
            _ => "(" + string.Join(", ", array.Shape) + ")",
        };
        string dict = $"{{'descr': '{Descriptor(array.DataType)}', 'fortran_order': False, 'shape': {shapeText}, }}";
        // NumPy pads so that magic + version + length + header is a multiple of 64 bytes, ending in '\n'.
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        int headerLength = padded - 10;
        if (headerLength > ushort.MaxValue)
            throw new ArgumentException($"The shape [{string.Join(", ", array.Shape)}] makes a header too long for .npy format 1.0.", nameof(array));
        var header = new byte[padded];
        Magic.CopyTo(header);
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)headerLength);
        Encoding.ASCII.GetBytes(dict, header.AsSpan(10));
        header.AsSpan(10 + dict.Length, headerLength - dict.Length - 1).Fill((byte)' ');
        header[^1] = (byte)'\n';
        stream.Write(header);
        stream.Write(array.Bytes);
    }

    private static (NpyDataType DataType, bool FortranOrder, int[] Shape) ParseHeader(string header, string sourceName)
    {
        foreach (string key in new[] { "descr", "fortran_order", "shape" })
        {
            string quoted = $"'{key}'";
            int first = header.IndexOf(quoted, StringComparison.Ordinal);
            if (first >= 0 && header.IndexOf(quoted, first + 1, StringComparison.Ordinal) >= 0)
                throw new NpyFormatException($"{sourceName}: header '{header.Trim()}' repeats the key '{key}'.");
        }
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new NpyFormatException($"{sourceName}: header '{header.Trim()}' lacks 'descr', 'fortran_order' or 'shape'.");
        NpyDataType dataType = descr.Groups[1].Value switch
        {
            "<f8" => NpyDataType.Float64,
            "<f4" => NpyDataType.Float32,
            "<i4" => NpyDataType.Int32,
            "<i8" => NpyDataType.Int64,
            "|u1" or "<u1" => NpyDataType.UInt8,
            var other => throw new NpyFormatException(
                $"{sourceName}: dtype '{other}' is not supported (expected little-endian <f8, <f4, <i4, <i8 or |u1)."),
        };
        var extents = new List<int>();
        foreach (string part in shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out int extent))
                throw new NpyFormatException($"{sourceName}: shape entry '{part}' is not a non-negative 32-bit integer.");
            extents.Add(extent);
        }
        return (dataType, fortran.Groups[1].Value == "True", extents.ToArray());
    }

    private static string Descriptor(NpyDataType type) => type switch
    {
        NpyDataType.Float64 => "<f8",
        NpyDataType.Float32 => "<f4",
        NpyDataType.Int32 => "<i4",
        NpyDataType.Int64 => "<i8",
        _ => "|u1",
    };

    private static int ElementSize(NpyDataType type) => type switch
    {
        NpyDataType.Float64 or NpyDataType.Int64 => 8,
        NpyDataType.Float32 or NpyDataType.Int32 => 4,
        _ => 1,
    };

    private static Array Allocate(NpyDataType type, int count) => type switch
    {
        NpyDataType.Float64 => new double[count],
        NpyDataType.Float32 => new float[count],
        NpyDataType.Int32 => new int[count],
        NpyDataType.Int64 => new long[count],
        _ => new byte[count],
    };

    private static void FortranToC(Span<byte> data, int[] shape, int elementSize)
    {
        int rank = shape.Length;
        var fortranStrides = new long[rank];
        long stride = 1;
        for (int d = 0; d < rank; d++)
        {
            fortranStrides[d] = stride;
            stride *= shape[d];
        }
        byte[] source = data.ToArray();
        var index = new int[rank];
        int count = data.Length / elementSize;
        for (int c = 0; c < count; c++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++) offset += index[d] * fortranStrides[d];
            source.AsSpan((int)(offset * elementSize), elementSize).CopyTo(data[(c * elementSize)..]);
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string sourceName, string what)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw new NpyFormatException($"{sourceName}: file is truncated while reading {what} (expected {buffer.Length} bytes, found {read}).");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
