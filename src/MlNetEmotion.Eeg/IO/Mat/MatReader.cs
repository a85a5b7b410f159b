using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>
/// Reads MATLAB MAT-file level 5 files (the format of <c>save -v6</c> and <c>-v7</c>, in either byte
/// order): numeric arrays of every class (complex and logical included), sparse arrays (returned
/// dense), char arrays, cell arrays, structs and <c>miCOMPRESSED</c> (zlib) elements. Objects,
/// function handles and opaque values (MATLAB <c>string</c>, <c>table</c>...) are kept as
/// <see cref="MatUnsupportedArray"/> placeholders, so the other variables stay readable. Level 4
/// files and version 7.3 (HDF5) files are rejected with <see cref="EegFormatException"/>. Sizes and counts are checked
/// against the file's length and <see cref="ReadLimits"/> before anything is allocated; compressed elements inflate at
/// most to the sizes their inner tags declare and to <see cref="ReadLimits.MaxDecompressedBytes"/> in all.
/// </summary>
public static class MatReader
{
    private const int ArrayFlagComplex = 0x0800;
    private const int ArrayFlagLogical = 0x0200;
    private const string FunctionWorkspace = "__function_workspace__";
    private const string Resave = "re-save it in MATLAB with save(file, '-v7') (or scipy.io.savemat)";

    /// <summary>Reads every variable of a MAT-file.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="EegFormatException">The file is not a level 5 MAT-file, is malformed or exceeds a limit.</exception>
    public static MatFile Read(string path, ReadLimits? limits = null) =>
        Read(InputFile.ReadAllBytes(path, limits, detail => new EegFormatException(path, null, detail)), path, limits);

    /// <summary>Reads every variable of MAT-file content.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="sourceName">File name for messages.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="EegFormatException">The content is not a level 5 MAT-file, is malformed or exceeds a limit.</exception>
    public static MatFile Read(byte[] bytes, string sourceName, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        bool bigEndian = CheckHeader(bytes, sourceName);
        string text = Encoding.ASCII.GetString(bytes, 0, 116).TrimEnd(' ', '\0');
        var variables = new List<KeyValuePair<string, MatValue>>();
        var context = new ReadContext(sourceName, bigEndian, limits ?? ReadLimits.Default);
        new ElementReader(bytes, 128, bytes.Length, context, 0).ReadVariables(variables);
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

    /// <summary>What every element reader of one file shares: its name, byte order, limits and inflated-byte budget.</summary>
    private sealed class ReadContext(string sourceName, bool bigEndian, ReadLimits limits)
    {
        public string SourceName { get; } = sourceName;
        public bool BigEndian { get; } = bigEndian;
        public ReadLimits Limits { get; } = limits;
        public long Inflated { get; set; }
    }

    // zlib's deflate expands at most about 1032:1; a larger declared size cannot come from this many compressed bytes.
    private const long MaxDeflateRatio = 1032;

    private sealed class ElementReader(byte[] bytes, int position, int end, ReadContext context, int depth)
    {
        private readonly bool bigEndian = context.BigEndian;

        private bool HasMore => end - position >= 8;

        /// <summary>Reads the remaining top-level elements, adding each variable (compressed elements may hold several).</summary>
        public void ReadVariables(List<KeyValuePair<string, MatValue>> variables)
        {
            while (HasMore)
            {
                var (type, data) = ReadElement();
                if (type == MatDataType.Compressed)
                {
                    if (depth > 0) throw Error("a compressed element inside a compressed element (MATLAB never nests them).");
                    byte[] inflated = Inflate(data);
                    new ElementReader(inflated, 0, inflated.Length, context, depth + 1).ReadVariables(variables);
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

        /// <summary>
        /// Inflates a compressed element one inner element at a time: each inner tag's declared size (checked against what
        /// deflate can produce from these bytes and against <see cref="ReadLimits.MaxDecompressedBytes"/> before reading)
        /// bounds how much is inflated for it, so memory grows only with data that is really there.
        /// </summary>
        private byte[] Inflate(ReadOnlyMemory<byte> data)
        {
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                long deflateBound = data.Length * MaxDeflateRatio + 64;
                var tag = new byte[8];
                var buffer = new byte[1 << 16];
                int got;
                while ((got = zlib.ReadAtLeast(tag, 8, throwOnEndOfStream: false)) > 0)
                {
                    if (got < 8) throw Error($"a compressed element ends inside an element tag at inflated byte {inflated.Length}.");
                    inflated.Write(tag);
                    uint first = UInt32(tag);
                    long body = first >> 16 != 0 ? 0 : UInt32(tag.AsSpan(4));
                    body += (8 - body % 8) % 8;
                    long total = inflated.Length + body;
                    if (total > deflateBound)
                        throw Error($"a compressed element of {data.Length} bytes declares {total} inflated bytes, more than deflate can produce.");
                    ReadLimits.Check(context.Inflated + total, context.Limits.MaxDecompressedBytes, "the decompressed size of the file's compressed elements",
                        nameof(ReadLimits.MaxDecompressedBytes), Error);
                    while (body > 0 && (got = zlib.Read(buffer, 0, (int)Math.Min(buffer.Length, body))) > 0)
                    {
                        inflated.Write(buffer, 0, got);
                        body -= got;
                    }
                }
                context.Inflated += inflated.Length;
                byte[] result = inflated.ToArray();
                if (data.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(data.Span[^4..]) != Adler32(result))
                    throw Error("a compressed element fails its Adler-32 checksum (the file is corrupt).");
                return result;
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
            if (depth >= context.Limits.MaxDepth)
                throw Error($"cells and structs nest deeper than {context.Limits.MaxDepth} levels (the limit ReadLimits.MaxDepth).");
            var sub = new ElementReader(segment.Array!, segment.Offset, segment.Offset + segment.Count, context, depth + 1);
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
            if (dimensions.Length < 2 || dimensions.Any(d => d < 0))
                throw Error($"{where} has dimensions [{string.Join("x", dimensions)}]; at least 2 non-negative dimensions expected.");
            long count = 1;
            foreach (int d in dimensions) count = Math.Min(count * d, long.MaxValue / int.MaxValue);
            ReadLimits.Check(count, context.Limits.MaxElements, $"the element count of {where}", nameof(ReadLimits.MaxElements), Error);
            switch (matClass)
            {
                case MatClass.Char:
                    return (name, ToChars(dimensions, sub.ReadElement(), where));
                case MatClass.Cell:
                {
                    sub.CheckElementsFit(count, where);
                    var items = new MatValue[count];
                    for (int i = 0; i < count; i++) items[i] = sub.ReadNested(where);
                    return (name, new MatCellArray(dimensions, items));
                }
                case MatClass.Struct:
                {
                    int[] nameLengthElement = ToInt32(sub.ReadElement());
                    int nameLength = nameLengthElement.Length == 1 ? nameLengthElement[0] : -1;
                    if (nameLength is < 0 or > 65536)
                        throw Error($"{where}: the struct field name length is not one integer in 0..65536.");
                    var namesData = sub.ReadElement().Data.Span;
                    int fields = nameLength == 0 ? 0 : namesData.Length / nameLength;
                    sub.CheckElementsFit(count * fields, where);
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
            if (columnStart.Length != columns + 1L)
                throw Error($"{where}: sparse column index has {columnStart.Length} entries; {columns + 1L} expected.");
            int nonZeros = columnStart[columns];
            if (nonZeros < 0 || nonZeros > rowIndex.Length)
                throw Error($"{where}: sparse array declares {nonZeros} non-zeros but holds {rowIndex.Length} row indices.");
            // A logical sparse array stores only its true elements (MATLAB tags their one-byte values as miDOUBLE).
            var values = ReadElement();
            double[] real = logical ? Enumerable.Repeat(1.0, Math.Max(nonZeros, 0)).ToArray() : ToDoubles(values, null, where);
            double[]? imaginary = complex ? ToDoubles(ReadElement(), null, where) : null;
            if (nonZeros < 0 || nonZeros > rowIndex.Length || nonZeros > real.Length || (imaginary is not null && nonZeros > imaginary.Length))
                throw Error($"{where}: sparse array declares {nonZeros} non-zeros but holds {rowIndex.Length} row indices and {real.Length} values.");
            ReadLimits.Check(complex ? 2L * rows * columns : (long)rows * columns, context.Limits.MaxElements, $"the dense element count of sparse {where}",
                nameof(ReadLimits.MaxElements), Error);
            var denseReal = new double[(long)rows * columns];
            var denseImaginary = imaginary is null ? null : new double[denseReal.Length];
            for (int c = 0; c < columns; c++)
            {
                if (columnStart[c] < 0 || columnStart[c] > columnStart[c + 1] || columnStart[c + 1] > nonZeros)
                    throw Error($"{where}: sparse column starts are not increasing from 0 to {nonZeros} at column {c}.");
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

        /// <summary>Refuses a cell or struct declaring more nested elements than its bytes can hold (each takes at least 8).</summary>
        private void CheckElementsFit(long count, string where) =>
            ReadLimits.Check(count, (end - position) / 8, $"the nested element count of {where}", "(the bytes left in the element)", Error);

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
            if (rows > Math.Max(all.Length, 1))
                throw Error($"{where}: char array declares {rows} rows but holds {all.Length} characters.");
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

        private EegFormatException Error(string detail) => new(context.SourceName, null, detail);
    }
}
