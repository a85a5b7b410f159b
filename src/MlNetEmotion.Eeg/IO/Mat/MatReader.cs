using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>
/// Reads MATLAB MAT-file level 5 files (the format of <c>save -v6</c> and <c>-v7</c>, in either byte
/// order): numeric arrays of every class (complex and logical included), sparse arrays (returned
/// dense), char arrays, cell arrays, structs and <c>miCOMPRESSED</c> (zlib) elements. Objects,
/// function handles and opaque values (MATLAB <c>string</c>, <c>table</c>...) are kept as
/// <see cref="MatUnsupportedArray"/> placeholders, so the other variables stay readable. Level 4
/// files and version 7.3 (HDF5) files are rejected with <see cref="EegFormatException"/>.
/// </summary>
public static class MatReader
{
    private const int ArrayFlagComplex = 0x0800;
    private const int ArrayFlagLogical = 0x0200;
    private const string FunctionWorkspace = "__function_workspace__";
    private const string Resave = "re-save it in MATLAB with save(file, '-v7') (or scipy.io.savemat)";

    /// <summary>Reads every variable of a MAT-file.</summary>
    /// <param name="path">File to read.</param>
    /// <exception cref="EegFormatException">The file is not a level 5 MAT-file or is malformed.</exception>
    public static MatFile Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Reads every variable of MAT-file content.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="sourceName">File name for messages.</param>
    /// <exception cref="EegFormatException">The content is not a level 5 MAT-file or is malformed.</exception>
    public static MatFile Read(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        bool bigEndian = CheckHeader(bytes, sourceName);
        string text = Encoding.ASCII.GetString(bytes, 0, 116).TrimEnd(' ', '\0');
        var variables = new List<KeyValuePair<string, MatValue>>();
        new ElementReader(bytes, 128, bytes.Length, sourceName, bigEndian).ReadVariables(variables);
        return new MatFile(text, variables);
    }

    /// <summary>Checks the 128-byte header; returns true for a big-endian ('MI') file.</summary>
    private static bool CheckHeader(byte[] bytes, string sourceName)
    {
        if (IsHdf5(bytes, 0) || IsHdf5(bytes, 512))
            throw new EegFormatException(sourceName, null, $"this is a MAT-file version 7.3 (HDF5), which is not supported; {Resave}.");
        if (bytes.Length >= 4 && bytes.AsSpan(0, 4).Contains((byte)0))
            throw new EegFormatException(sourceName, null, $"this looks like a level 4 MAT-file (MATLAB 4 or save -v4), which is not supported; {Resave}.");
        if (bytes.Length < 128)
            throw new EegFormatException(sourceName, null, $"MAT-file header is truncated: {bytes.Length} bytes, 128 expected.");
        string indicator = Encoding.ASCII.GetString(bytes, 126, 2);
        if (indicator is not ("IM" or "MI"))
            throw new EegFormatException(sourceName, null, $"not a level 5 MAT-file (endian indicator '{indicator}', 'IM' or 'MI' expected).");
        bool bigEndian = indicator == "MI";
        var versionBytes = bytes.AsSpan(124, 2);
        int version = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(versionBytes) : BinaryPrimitives.ReadUInt16LittleEndian(versionBytes);
        if (version == 0x0200)
            throw new EegFormatException(sourceName, null, $"this is a MAT-file version 7.3 (HDF5), which is not supported; {Resave}.");
        if (version != 0x0100)
            throw new EegFormatException(sourceName, null, $"MAT-file version field is 0x{version:X4}; 0x0100 (level 5) expected.");
        return bigEndian;
    }

    // HDF5 superblock signature; MATLAB 7.3 files put it after a 512-byte user block.
    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool IsHdf5(byte[] bytes, int at) => bytes.Length >= at + 8 && bytes.AsSpan(at, 8).SequenceEqual(Hdf5Signature);

    private sealed class ElementReader(byte[] bytes, int position, int end, string sourceName, bool bigEndian)
    {
        private bool HasMore => end - position >= 8;

        /// <summary>Reads the remaining top-level elements, adding each variable (compressed elements may hold several).</summary>
        public void ReadVariables(List<KeyValuePair<string, MatValue>> variables)
        {
            while (HasMore)
            {
                var (type, data) = ReadElement();
                if (type == MatDataType.Compressed)
                {
                    byte[] inflated = Inflate(data);
                    new ElementReader(inflated, 0, inflated.Length, sourceName, bigEndian).ReadVariables(variables);
                }
                else if (type == MatDataType.Matrix)
                {
                    var (name, value) = ReadMatrix(data);
                    // MATLAB stores its function workspace as a last, unnamed variable; scipy names it so.
                    variables.Add(new(name.Length > 0 ? name : FunctionWorkspace, value));
                }
            }
        }

        private uint UInt32(ReadOnlySpan<byte> s) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

        private (MatDataType Type, ReadOnlyMemory<byte> Data) ReadElement()
        {
            if (end - position < 8)
                throw Error($"a data element tag at byte {position} is truncated.");
            uint first = UInt32(bytes.AsSpan(position));
            if (first >> 16 != 0)
            {
                // Small data element: type and size packed in 4 bytes, data in the next 4.
                int smallSize = (int)(first >> 16);
                var small = new ReadOnlyMemory<byte>(bytes, position + 4, Math.Min(smallSize, 4));
                position += 8;
                return ((MatDataType)(first & 0xFFFF), small);
            }
            var type = (MatDataType)first;
            uint size = UInt32(bytes.AsSpan(position + 4));
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
                byte[] inflated = target.ToArray();
                if (data.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(data.Span[^4..]) != Adler32(inflated))
                    throw Error("a compressed element fails its Adler-32 checksum (the file is corrupt).");
                return inflated;
            }
            catch (InvalidDataException e)
            {
                throw Error($"a compressed element is not valid zlib data ({e.Message}).");
            }
        }

        private static uint Adler32(byte[] data)
        {
            uint a = 1, b = 0;
            for (int i = 0; i < data.Length;)
            {
                // 5552 bytes is the longest run before the sums can overflow 32 bits.
                int stop = Math.Min(data.Length, i + 5552);
                for (; i < stop; i++)
                {
                    a += data[i];
                    b += a;
                }
                a %= 65521;
                b %= 65521;
            }
            return b << 16 | a;
        }

        private (string Name, MatValue Value) ReadMatrix(ReadOnlyMemory<byte> data)
        {
            if (data.Length == 0) return ("", new MatNumericArray(MatClass.Double, [0, 0], []));
            System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment);
            var sub = new ElementReader(segment.Array!, segment.Offset, segment.Offset + segment.Count, sourceName, bigEndian);
            var (flagsType, flags) = sub.ReadElement();
            if (flagsType != MatDataType.UInt32 || flags.Length < 8)
                throw Error("a matrix element does not start with its array flags.");
            uint flagWord = UInt32(flags.Span);
            var matClass = (MatClass)(flagWord & 0xFF);
            bool complex = (flagWord & ArrayFlagComplex) != 0;
            bool logical = (flagWord & ArrayFlagLogical) != 0;
            if (matClass == MatClass.Opaque)
            {
                // Opaque values (MATLAB strings, tables, ...) have no dimensions element: the name follows the flags.
                string opaqueName = Encoding.ASCII.GetString(sub.ReadElement().Data.Span);
                return (opaqueName, new MatUnsupportedArray(matClass, [1, 1]));
            }
            var dimensions = ToInt32(sub.ReadElement());
            string name = Encoding.ASCII.GetString(sub.ReadElement().Data.Span);
            string where = name.Length > 0 ? $"variable '{name}'" : "an unnamed array";
            if (dimensions.Any(d => d < 0))
                throw Error($"{where} has negative dimensions [{string.Join("x", dimensions)}].");
            long count = dimensions.Aggregate(1L, (a, b) => a * b);
            if (count > Array.MaxLength)
                throw Error($"{where} has {count} elements, more than one array can hold.");
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
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (int f = 0; f < fields; f++)
                    {
                        // Repeated field names (possible in files not written by MATLAB) get scipy's "_N_name" renaming.
                        string field = Encoding.ASCII.GetString(namesData.Slice(f * nameLength, nameLength)).TrimEnd('\0');
                        int repeats = seen.GetValueOrDefault(field);
                        seen[field] = repeats + 1;
                        fieldNames[f] = repeats == 0 ? field : $"_{repeats}_{field}";
                    }
                    var values = new MatValue[count * fields];
                    for (int i = 0; i < values.Length; i++) values[i] = sub.ReadNested(where);
                    return (name, new MatStructArray(dimensions, fieldNames, values));
                }
                case MatClass.Sparse:
                    return (name, sub.ReadSparse(dimensions, complex, logical, where));
                case >= MatClass.Double and <= MatClass.UInt64:
                {
                    double[] real = ToDoubles(sub.ReadElement(), count, where);
                    double[]? imaginary = complex ? ToDoubles(sub.ReadElement(), count, where) : null;
                    return (name, new MatNumericArray(matClass, dimensions, real, imaginary, logical));
                }
                default:
                    return (name, new MatUnsupportedArray(matClass, dimensions));
            }
        }

        /// <summary>Reads the row indices, column starts and values of a sparse array and scatters them into a dense one.</summary>
        private MatNumericArray ReadSparse(int[] dimensions, bool complex, bool logical, string where)
        {
            if (dimensions.Length != 2)
                throw Error($"{where} is a sparse array with {dimensions.Length} dimensions; 2 expected.");
            int rows = dimensions[0], columns = dimensions[1];
            int[] rowIndex = ToInt32(ReadElement());
            int[] columnStart = ToInt32(ReadElement());
            if (columnStart.Length != columns + 1)
                throw Error($"{where}: sparse column index has {columnStart.Length} entries; {columns + 1} expected.");
            int nonZeros = columnStart[columns];
            // A logical sparse array stores only its true elements (MATLAB tags their one-byte values as miDOUBLE).
            var values = ReadElement();
            double[] real = logical ? Enumerable.Repeat(1.0, Math.Max(nonZeros, 0)).ToArray() : ToDoubles(values, null, where);
            double[]? imaginary = complex ? ToDoubles(ReadElement(), null, where) : null;
            if (nonZeros < 0 || nonZeros > rowIndex.Length || nonZeros > real.Length || (imaginary is not null && nonZeros > imaginary.Length))
                throw Error($"{where}: sparse array declares {nonZeros} non-zeros but holds {rowIndex.Length} row indices and {real.Length} values.");
            var denseReal = new double[(long)rows * columns];
            var denseImaginary = imaginary is null ? null : new double[denseReal.Length];
            for (int c = 0; c < columns; c++)
            {
                if (columnStart[c] < 0 || columnStart[c] > columnStart[c + 1])
                    throw Error($"{where}: sparse column starts are not increasing at column {c}.");
                for (int k = columnStart[c]; k < columnStart[c + 1]; k++)
                {
                    if ((uint)rowIndex[k] >= (uint)rows)
                        throw Error($"{where}: sparse row index {rowIndex[k]} is outside the {rows} rows.");
                    long at = (long)c * rows + rowIndex[k];
                    denseReal[at] = real[k];
                    if (denseImaginary is not null) denseImaginary[at] = imaginary![k];
                }
            }
            return new MatNumericArray(MatClass.Double, dimensions, denseReal, denseImaginary, logical);
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
            var span = element.Data.Span;
            for (int i = 0; i < result.Length; i++)
                result[i] = (int)UInt32(span[(4 * i)..]);
            return result;
        }

        private MatCharArray ToChars(int[] dimensions, (MatDataType Type, ReadOnlyMemory<byte> Data) element, string where)
        {
            string all = element.Type switch
            {
                MatDataType.UInt16 or MatDataType.Utf16 => (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(element.Data.Span),
                MatDataType.Utf8 or MatDataType.UInt8 or MatDataType.Int8 => Encoding.UTF8.GetString(element.Data.Span),
                MatDataType.Utf32 => new UTF32Encoding(bigEndian, false).GetString(element.Data.Span),
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

        /// <summary>Decodes numeric data of any MAT element type; <paramref name="count"/> null accepts any length.</summary>
        private double[] ToDoubles((MatDataType Type, ReadOnlyMemory<byte> Data) element, long? count, string where)
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
            if (count is long expected && span.Length / size != expected)
                throw Error($"{where}: holds {span.Length / size} values but its dimensions need {expected}.");
            var result = new double[span.Length / size];
            if (element.Type == MatDataType.Double && !bigEndian)
            {
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(span[..(result.Length * 8)]).CopyTo(result);
                return result;
            }
            for (int i = 0; i < result.Length; i++)
            {
                var s = span[(i * size)..];
                result[i] = element.Type switch
                {
                    MatDataType.Int8 => (sbyte)s[0],
                    MatDataType.UInt8 => s[0],
                    MatDataType.Int16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
                    MatDataType.UInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
                    MatDataType.Int32 => (int)UInt32(s),
                    MatDataType.UInt32 => UInt32(s),
                    MatDataType.Single => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s),
                    MatDataType.Double => BinaryPrimitives.ReadDoubleBigEndian(s),
                    MatDataType.Int64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s),
                    _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s),
                };
            }
            return result;
        }

        private EegFormatException Error(string detail) => new(sourceName, null, detail);
    }
}
