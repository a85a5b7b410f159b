using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>
/// Reads MATLAB MAT-file level 5 files (little endian): numeric arrays of every class (complex and
/// logical included), char arrays, cell arrays, structs and <c>miCOMPRESSED</c> (zlib) elements.
/// Objects and sparse arrays are rejected with <see cref="EegFormatException"/>. (MAT 7.3 files are
/// HDF5 and are rejected too.)
/// </summary>
public static class MatReader
{
    private const int ArrayFlagComplex = 0x0800;
    private const int ArrayFlagLogical = 0x0200;

    /// <summary>Reads every variable of a MAT-file.</summary>
    /// <param name="path">File to read.</param>
    /// <exception cref="EegFormatException">The file is not a little-endian level 5 MAT-file or holds an unsupported element.</exception>
    public static MatFile Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Reads every variable of MAT-file content.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="sourceName">File name for messages.</param>
    /// <exception cref="EegFormatException">The content is not a little-endian level 5 MAT-file or holds an unsupported element.</exception>
    public static MatFile Read(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 128)
            throw new EegFormatException(sourceName, null, $"MAT-file header is truncated: {bytes.Length} bytes, 128 expected.");
        string text = Encoding.ASCII.GetString(bytes, 0, 116).TrimEnd(' ', '\0');
        if (text.StartsWith("MATLAB 7.3", StringComparison.Ordinal))
            throw new EegFormatException(sourceName, null, "MAT-file version 7.3 (HDF5) is not supported; save with -v7 or -v6.");
        if (bytes[126] != (byte)'I' || bytes[127] != (byte)'M')
        {
            string found = Encoding.ASCII.GetString(bytes, 126, 2);
            throw new EegFormatException(sourceName, null,
                found == "MI" ? "big-endian MAT-files are not supported." : $"not a level 5 MAT-file (endian indicator '{found}', 'IM' expected).");
        }
        var variables = new List<KeyValuePair<string, MatValue>>();
        var reader = new ElementReader(bytes, 128, bytes.Length, sourceName);
        while (reader.HasMore)
        {
            var (name, value) = reader.ReadVariable();
            if (value is not null) variables.Add(new(name, value));
        }
        return new MatFile(text, variables);
    }

    private sealed class ElementReader(byte[] bytes, int position, int end, string sourceName)
    {
        public bool HasMore => end - position >= 8;

        /// <summary>Reads one top-level element; null value for an element type that is not a variable.</summary>
        public (string Name, MatValue? Value) ReadVariable()
        {
            var (type, data) = ReadElement();
            if (type == MatDataType.Compressed)
            {
                byte[] inflated = Inflate(data);
                var inner = new ElementReader(inflated, 0, inflated.Length, sourceName);
                return inner.ReadVariable();
            }
            if (type != MatDataType.Matrix)
                return ("", null);
            return ReadMatrix(data);
        }

        private (MatDataType Type, ReadOnlyMemory<byte> Data) ReadElement()
        {
            if (end - position < 8)
                throw Error($"a data element tag at byte {position} is truncated.");
            uint first = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position));
            if (first >> 16 != 0)
            {
                // Small data element: type and size packed in 4 bytes, data in the next 4.
                int smallSize = (int)(first >> 16);
                var small = new ReadOnlyMemory<byte>(bytes, position + 4, Math.Min(smallSize, 4));
                position += 8;
                return ((MatDataType)(first & 0xFFFF), small);
            }
            var type = (MatDataType)first;
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4));
            if (size > end - position - 8)
                throw Error($"element of type {type} at byte {position} declares {size} bytes but only {end - position - 8} remain.");
            var data = new ReadOnlyMemory<byte>(bytes, position + 8, (int)size);
            position += 8 + (int)size;
            if (type != MatDataType.Compressed) position += (int)((8 - size % 8) % 8);
            position = Math.Min(position, end);
            return (type, data);
        }

        private byte[] Inflate(ReadOnlyMemory<byte> data)
        {
            try
            {
                using var source = new MemoryStream(data.ToArray());
                using var zlib = new ZLibStream(source, CompressionMode.Decompress);
                using var target = new MemoryStream();
                zlib.CopyTo(target);
                return target.ToArray();
            }
            catch (InvalidDataException e)
            {
                throw Error($"a compressed element is not valid zlib data ({e.Message}).");
            }
        }

        private (string Name, MatValue Value) ReadMatrix(ReadOnlyMemory<byte> data)
        {
            if (data.Length == 0) return ("", new MatNumericArray(MatClass.Double, [0, 0], []));
            System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment);
            var sub = new ElementReader(segment.Array!, segment.Offset, segment.Offset + segment.Count, sourceName);
            var (flagsType, flags) = sub.ReadElement();
            if (flagsType != MatDataType.UInt32 || flags.Length < 8)
                throw Error("a matrix element does not start with its array flags.");
            uint flagWord = BinaryPrimitives.ReadUInt32LittleEndian(flags.Span);
            var matClass = (MatClass)(flagWord & 0xFF);
            bool complex = (flagWord & ArrayFlagComplex) != 0;
            bool logical = (flagWord & ArrayFlagLogical) != 0;
            var dimensions = ToInt32(sub.ReadElement());
            string name = Encoding.ASCII.GetString(sub.ReadElement().Data.Span);
            string where = name.Length > 0 ? $"variable '{name}'" : "an unnamed array";
            long count = dimensions.Aggregate(1L, (a, b) => a * b);
            switch (matClass)
            {
                case MatClass.Char:
                    return (name, ToChars(dimensions, sub.ReadElement(), where));
                case MatClass.Cell:
                {
                    var items = new MatValue[count];
                    for (int i = 0; i < count; i++) items[i] = sub.ReadNested(where);
                    return (name, new MatCellArray(dimensions, items));
                }
                case MatClass.Struct:
                {
                    int nameLength = ToInt32(sub.ReadElement())[0];
                    var namesData = sub.ReadElement().Data.Span;
                    int fields = nameLength == 0 ? 0 : namesData.Length / nameLength;
                    var fieldNames = new string[fields];
                    for (int f = 0; f < fields; f++)
                        fieldNames[f] = Encoding.ASCII.GetString(namesData.Slice(f * nameLength, nameLength)).TrimEnd('\0');
                    var values = new MatValue[count * fields];
                    for (int i = 0; i < values.Length; i++) values[i] = sub.ReadNested(where);
                    return (name, new MatStructArray(dimensions, fieldNames, values));
                }
                case >= MatClass.Double and <= MatClass.UInt64:
                {
                    double[] real = ToDoubles(sub.ReadElement(), count, where);
                    double[]? imaginary = complex ? ToDoubles(sub.ReadElement(), count, where) : null;
                    return (name, new MatNumericArray(matClass, dimensions, real, imaginary, logical));
                }
                default:
                    throw Error($"{where} has MATLAB class {matClass}, which is not supported (numeric, char, cell and struct are).");
            }
        }

        private MatValue ReadNested(string where)
        {
            var (type, data) = ReadElement();
            if (type != MatDataType.Matrix)
                throw Error($"{where}: a cell or field element has type {type}, miMATRIX expected.");
            return ReadMatrix(data).Value;
        }

        private int[] ToInt32((MatDataType Type, ReadOnlyMemory<byte> Data) element)
        {
            var result = new int[element.Data.Length / 4];
            for (int i = 0; i < result.Length; i++)
                result[i] = BinaryPrimitives.ReadInt32LittleEndian(element.Data.Span[(4 * i)..]);
            return result;
        }

        private MatCharArray ToChars(int[] dimensions, (MatDataType Type, ReadOnlyMemory<byte> Data) element, string where)
        {
            string all = element.Type switch
            {
                MatDataType.UInt16 or MatDataType.Utf16 => Encoding.Unicode.GetString(element.Data.Span),
                MatDataType.Utf8 or MatDataType.UInt8 or MatDataType.Int8 => Encoding.UTF8.GetString(element.Data.Span),
                MatDataType.Utf32 => Encoding.UTF32.GetString(element.Data.Span),
                _ => throw Error($"{where}: char data has type {element.Type}."),
            };
            int rows = dimensions[0];
            int columns = rows == 0 ? 0 : all.Length / rows;
            var result = new string[rows];
            var row = new char[columns];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++) row[c] = all[c * rows + r];
                result[r] = new string(row);
            }
            return new MatCharArray(result);
        }

        private double[] ToDoubles((MatDataType Type, ReadOnlyMemory<byte> Data) element, long count, string where)
        {
            var span = element.Data.Span;
            int size = element.Type switch
            {
                MatDataType.Int8 or MatDataType.UInt8 => 1,
                MatDataType.Int16 or MatDataType.UInt16 => 2,
                MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single => 4,
                MatDataType.Double or MatDataType.Int64 or MatDataType.UInt64 => 8,
                _ => throw Error($"{where}: numeric data has element type {element.Type}."),
            };
            if (span.Length / size != count)
                throw Error($"{where}: holds {span.Length / size} values but its dimensions need {count}.");
            var result = new double[count];
            switch (element.Type)
            {
                case MatDataType.Double:
                    System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(span).CopyTo(result);
                    break;
                case MatDataType.Single:
                    var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(span);
                    for (int i = 0; i < result.Length; i++) result[i] = floats[i];
                    break;
                default:
                    for (int i = 0; i < result.Length; i++)
                    {
                        var s = span[(i * size)..];
                        result[i] = element.Type switch
                        {
                            MatDataType.Int8 => (sbyte)s[0],
                            MatDataType.UInt8 => s[0],
                            MatDataType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(s),
                            MatDataType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(s),
                            MatDataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(s),
                            MatDataType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(s),
                            MatDataType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(s),
                            _ => BinaryPrimitives.ReadUInt64LittleEndian(s),
                        };
                    }
                    break;
            }
            return result;
        }

        private EegFormatException Error(string detail) => new(sourceName, null, detail);
    }
}
