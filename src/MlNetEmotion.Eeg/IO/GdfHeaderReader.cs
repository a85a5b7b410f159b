using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MlNetEmotion.Eeg.IO;

/// <summary>Parses and checks the fixed and per-channel parts of GDF 1.x and 2.x headers.</summary>
internal static class GdfHeaderReader
{
    private const int BlockBytes = 256;

    /// <summary>Parses the header; leaves the stream at the first data record. The stream must be seekable.</summary>
    public static GdfHeader Read(Stream stream, string sourceName)
    {
        var fixedPart = new byte[BlockBytes];
        int got = stream.ReadAtLeast(fixedPart, BlockBytes, throwOnEndOfStream: false);
        if (got < BlockBytes)
            throw new EegFormatException(sourceName, null, $"header is truncated: {got} bytes, at least {BlockBytes} expected.");
        string version = Text(fixedPart, 0, 8);
        if (!version.StartsWith("GDF ", StringComparison.Ordinal)
            || !double.TryParse(version.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            throw new EegFormatException(sourceName, null, $"version field '{version}' is not 'GDF n.nn'.");
        bool v2 = number >= 1.9;
        long headerBytes = v2 ? BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(184)) * (long)BlockBytes
                              : BinaryPrimitives.ReadInt64LittleEndian(fixedPart.AsSpan(184));
        long signalCount = v2 ? BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(252))
                              : BinaryPrimitives.ReadUInt32LittleEndian(fixedPart.AsSpan(252));
        long records = BinaryPrimitives.ReadInt64LittleEndian(fixedPart.AsSpan(236));
        uint numerator = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart.AsSpan(244));
        uint denominator = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart.AsSpan(248));
        if (signalCount < 1)
            throw new EegFormatException(sourceName, null, $"number of channels is {signalCount}; at least 1 expected.");
        long needed = BlockBytes * (signalCount + 1);
        if (v2 ? headerBytes < needed : headerBytes != needed)
            throw new EegFormatException(sourceName, null, $"header size field says {headerBytes} bytes but {signalCount} channels need {(v2 ? "at least " : "")}{needed}.");
        if (headerBytes > stream.Length)
            throw new EegFormatException(sourceName, null, $"header is truncated: the file has {stream.Length} bytes but its header needs {headerBytes}.");
        if (numerator == 0 || denominator == 0)
            throw new EegFormatException(sourceName, null, $"duration of a data record is {numerator}/{denominator} s; a positive rational is expected.");

        var signalPart = new byte[headerBytes - BlockBytes];
        stream.ReadExactly(signalPart);
        var signals = new GdfSignalHeader[signalCount];
        for (int s = 0; s < signals.Length; s++)
            signals[s] = ReadSignal(signalPart, s, signals.Length, v2, sourceName);

        long recordBytes = signals.Sum(s => s.RecordBytes);
        long available = stream.Length - headerBytes;
        if (records == -1) records = available / recordBytes;
        if (records < 0 || records > available / recordBytes)
            throw new EegFormatException(sourceName, null,
                $"header says {records} data records of {recordBytes} bytes but the file holds {available} bytes after the header ({(double)available / recordBytes:0.###} records).");
        if (records > int.MaxValue)
            throw new EegFormatException(sourceName, null, $"number of data records {records} is out of range.");
        return new GdfHeader(
            version, number,
            Text(fixedPart, 8, v2 ? 66 : 80),
            Text(fixedPart, 88, v2 ? 64 : 80),
            v2 ? ParseDays(BinaryPrimitives.ReadUInt64LittleEndian(fixedPart.AsSpan(168))) : ParseStamp(Text(fixedPart, 168, 16)),
            headerBytes, (int)records, numerator, denominator, signals);
    }

    private static GdfSignalHeader ReadSignal(byte[] part, int s, int count, bool v2, string sourceName)
    {
        // Fields are stored field by field: all labels, then all transducers, ...
        ReadOnlySpan<byte> At(int offset, int width) => part.AsSpan(offset * count + width * s, width);
        string label = Text(At(0, 16));
        int code = BinaryPrimitives.ReadInt32LittleEndian(At(220, 4));
        if (!GdfSamples.IsKnown(code))
            throw new EegFormatException(sourceName, label, $"data type code {code} is not a GDF sample type this reader decodes; expected {GdfSamples.KnownCodes}.");
        int samples = BinaryPrimitives.ReadInt32LittleEndian(At(216, 4));
        if (samples < 1)
            throw new EegFormatException(sourceName, label, $"number of samples per record is {samples}; at least 1 expected.");
        int unitCode = v2 ? BinaryPrimitives.ReadUInt16LittleEndian(At(102, 2)) : 0;
        string unit = v2 ? GdfUnits.Name(unitCode) ?? Text(At(96, 6)) : Text(At(96, 8));
        double physicalMin = BinaryPrimitives.ReadDoubleLittleEndian(At(104, 8));
        double physicalMax = BinaryPrimitives.ReadDoubleLittleEndian(At(112, 8));
        double digitalMin = v2 ? BinaryPrimitives.ReadDoubleLittleEndian(At(120, 8)) : BinaryPrimitives.ReadInt64LittleEndian(At(120, 8));
        double digitalMax = v2 ? BinaryPrimitives.ReadDoubleLittleEndian(At(128, 8)) : BinaryPrimitives.ReadInt64LittleEndian(At(128, 8));
        if (!double.IsFinite(physicalMin) || !double.IsFinite(physicalMax) || physicalMin == physicalMax)
            throw new EegFormatException(sourceName, label, $"physical range [{physicalMin}, {physicalMax}] cannot scale samples; two different finite values are expected.");
        if (!double.IsFinite(digitalMin) || !double.IsFinite(digitalMax) || digitalMax <= digitalMin)
            throw new EegFormatException(sourceName, label, $"digital range [{digitalMin}, {digitalMax}] cannot scale samples; a finite maximum above the minimum is expected.");
        string prefiltering = v2
            ? Filters(BinaryPrimitives.ReadSingleLittleEndian(At(208, 4)), BinaryPrimitives.ReadSingleLittleEndian(At(204, 4)), BinaryPrimitives.ReadSingleLittleEndian(At(212, 4)))
            : Text(At(136, 80));
        return new GdfSignalHeader(label, Text(At(16, 80)), unit, unitCode, physicalMin, physicalMax, digitalMin, digitalMax,
            prefiltering, samples, (GdfSampleType)code);
    }

    private static string Filters(float highPass, float lowPass, float notch)
    {
        var parts = new List<string>(3);
        if (float.IsFinite(highPass)) parts.Add($"HP:{highPass.ToString(CultureInfo.InvariantCulture)}Hz");
        if (float.IsFinite(lowPass)) parts.Add($"LP:{lowPass.ToString(CultureInfo.InvariantCulture)}Hz");
        if (float.IsFinite(notch)) parts.Add($"Notch:{notch.ToString(CultureInfo.InvariantCulture)}Hz");
        return string.Join(' ', parts);
    }

    private static string Text(byte[] bytes, int offset, int width) => Text(bytes.AsSpan(offset, width));

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes).Trim(' ', '\0');

    /// <summary>GDF 1.x start: <c>YYYYMMDDhhmmsscc</c> (cc in hundredths of a second, may be blank).</summary>
    private static DateTime? ParseStamp(string stamp)
    {
        if (stamp.Length < 14) return null;
        string centiseconds = stamp.Length >= 16 ? stamp[14..16].Trim() : "";
        bool Part(int start, int length, out int value) =>
            int.TryParse(stamp.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!Part(0, 4, out int year) || !Part(4, 2, out int month) || !Part(6, 2, out int day)
            || !Part(8, 2, out int hour) || !Part(10, 2, out int minute) || !Part(12, 2, out int second))
            return null;
        int hundredths = 0;
        if (centiseconds.Length > 0 && !int.TryParse(centiseconds, NumberStyles.None, CultureInfo.InvariantCulture, out hundredths))
            return null;
        try
        {
            return new DateTime(year, month, day, hour, minute, second, 10 * hundredths, DateTimeKind.Unspecified);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>GDF 2.x start: days since 0000-01-00 as a fixed-point number with 32 fraction bits (0 when unknown).</summary>
    private static DateTime? ParseDays(ulong stamp)
    {
        const long DaysBeforeYear1 = 367;
        ulong days = stamp >> 32;
        if (stamp == 0 || days < DaysBeforeYear1 || days - DaysBeforeYear1 >= (ulong)(DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay))
            return null;
        long ticks = (long)(days - DaysBeforeYear1) * TimeSpan.TicksPerDay
            + (long)(((UInt128)(stamp & uint.MaxValue) * (ulong)TimeSpan.TicksPerDay) >> 32);
        return new DateTime(ticks, DateTimeKind.Unspecified);
    }
}
