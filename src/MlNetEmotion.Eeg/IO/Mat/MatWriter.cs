using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>
/// Writes MAT-file level 5 files (little endian, readable by MATLAB and <c>scipy.io.loadmat</c>):
/// numeric arrays in their own class, logical, complex, char, cell and struct arrays, each variable
/// optionally as a zlib <c>miCOMPRESSED</c> element. The file appears only once complete.
/// </summary>
public static class MatWriter
{
    /// <summary>Writes variables to a MAT-file.</summary>
    /// <param name="path">Destination; replaced if it exists.</param>
    /// <param name="variables">Names and values, in order.</param>
    /// <param name="compress">True to zlib-compress each variable (MATLAB's -v7 default). Default true.</param>
    public static void Write(string path, IReadOnlyList<KeyValuePair<string, MatValue>> variables, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(variables);
        Core.IO.AtomicFile.Write(path, stream => Write(stream, variables, compress));
    }

    /// <summary>Writes variables as MAT-file content to a stream.</summary>
    /// <param name="stream">Destination stream.</param>
    /// <param name="variables">Names and values, in order.</param>
    /// <param name="compress">True to zlib-compress each variable.</param>
    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, MatValue>> variables, bool compress = true)
    {
        var header = new byte[128];
        header.AsSpan(0, 116).Fill((byte)' ');
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by MlNetEmotion").CopyTo(header, 0);
        header.AsSpan(116, 8).Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(124), 0x0100);
        header[126] = (byte)'I';
        header[127] = (byte)'M';
        stream.Write(header);
        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new ArgumentException($"'{name}' is not a valid MATLAB variable name.", nameof(variables));
            var element = new MemoryStream();
            WriteMatrix(element, name, value);
            if (!compress)
            {
                element.WriteTo(stream);
                continue;
            }
            var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                element.WriteTo(zlib);
            WriteTag(stream, MatDataType.Compressed, (int)packed.Length);
            packed.WriteTo(stream);
        }
    }

    private static void WriteMatrix(Stream stream, string name, MatValue value)
    {
        var body = new MemoryStream();
        int flags = (int)value.Class;
        if (value is MatNumericArray { IsLogical: true }) flags |= 0x0200;
        if (value is MatNumericArray { Imaginary: not null }) flags |= 0x0800;
        var flagBytes = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(flagBytes, flags);
        WriteElement(body, MatDataType.UInt32, flagBytes);
        var dims = new byte[4 * value.Dimensions.Count];
        for (int i = 0; i < value.Dimensions.Count; i++) BinaryPrimitives.WriteInt32LittleEndian(dims.AsSpan(4 * i), value.Dimensions[i]);
        WriteElement(body, MatDataType.Int32, dims);
        WriteElement(body, MatDataType.Int8, Encoding.ASCII.GetBytes(name));
        switch (value)
        {
            case MatNumericArray numeric:
                WriteNumbers(body, numeric.Class, numeric.Real);
                if (numeric.Imaginary is not null) WriteNumbers(body, numeric.Class, numeric.Imaginary);
                break;
            case MatCharArray chars:
            {
                int rows = chars.Rows.Count, columns = chars.Dimensions[1];
                var data = new byte[2 * rows * columns];
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < columns; c++)
                        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2 * (c * rows + r)), chars.Rows[r][c]);
                WriteElement(body, MatDataType.UInt16, data);
                break;
            }
            case MatCellArray cells:
                foreach (var item in cells.Items) WriteMatrix(body, "", item);
                break;
            case MatStructArray structs:
            {
                int length = structs.FieldNames.Select(n => n.Length + 1).DefaultIfEmpty(1).Max();
                var lengthBytes = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(lengthBytes, length);
                WriteElement(body, MatDataType.Int32, lengthBytes);
                var names = new byte[length * structs.FieldNames.Count];
                for (int f = 0; f < structs.FieldNames.Count; f++) Encoding.ASCII.GetBytes(structs.FieldNames[f]).CopyTo(names, f * length);
                WriteElement(body, MatDataType.Int8, names);
                for (int e = 0; e < structs.Count; e++)
                    foreach (string field in structs.FieldNames) WriteMatrix(body, "", structs[field, e]);
                break;
            }
            default:
                throw new ArgumentException($"Cannot write a value of type {value.GetType().Name}.", nameof(value));
        }
        WriteTag(stream, MatDataType.Matrix, (int)body.Length);
        body.WriteTo(stream);
    }

    private static void WriteNumbers(Stream stream, MatClass matClass, double[] values)
    {
        var (type, size) = matClass switch
        {
            MatClass.Double => (MatDataType.Double, 8),
            MatClass.Single => (MatDataType.Single, 4),
            MatClass.Int8 => (MatDataType.Int8, 1),
            MatClass.UInt8 => (MatDataType.UInt8, 1),
            MatClass.Int16 => (MatDataType.Int16, 2),
            MatClass.UInt16 => (MatDataType.UInt16, 2),
            MatClass.Int32 => (MatDataType.Int32, 4),
            MatClass.UInt32 => (MatDataType.UInt32, 4),
            MatClass.Int64 => (MatDataType.Int64, 8),
            _ => (MatDataType.UInt64, 8),
        };
        var data = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            var s = data.AsSpan(i * size);
            double v = values[i];
            switch (type)
            {
                case MatDataType.Double: BinaryPrimitives.WriteDoubleLittleEndian(s, v); break;
                case MatDataType.Single: BinaryPrimitives.WriteSingleLittleEndian(s, (float)v); break;
                case MatDataType.Int8: s[0] = (byte)(sbyte)v; break;
                case MatDataType.UInt8: s[0] = (byte)v; break;
                case MatDataType.Int16: BinaryPrimitives.WriteInt16LittleEndian(s, (short)v); break;
                case MatDataType.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)v); break;
                case MatDataType.Int32: BinaryPrimitives.WriteInt32LittleEndian(s, (int)v); break;
                case MatDataType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)v); break;
                case MatDataType.Int64: BinaryPrimitives.WriteInt64LittleEndian(s, (long)v); break;
                default: BinaryPrimitives.WriteUInt64LittleEndian(s, (ulong)v); break;
            }
        }
        WriteElement(stream, type, data);
    }

    private static void WriteElement(Stream stream, MatDataType type, byte[] data)
    {
        WriteTag(stream, type, data.Length);
        stream.Write(data);
        int pad = (8 - data.Length % 8) % 8;
        for (int i = 0; i < pad; i++) stream.WriteByte(0);
    }

    private static void WriteTag(Stream stream, MatDataType type, int length)
    {
        Span<byte> tag = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, (int)type);
        BinaryPrimitives.WriteInt32LittleEndian(tag[4..], length);
        stream.Write(tag);
    }
}
