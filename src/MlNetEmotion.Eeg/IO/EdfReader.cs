using System.Globalization;
using System.Text;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Eeg.IO;

/// <summary>
/// Reads EDF, EDF+ (continuous and discontinuous, with annotation signals), BDF and BDF+ files.
/// Samples are scaled with each signal's physical/digital range and its unit to microvolts; other
/// units are kept as physical values. Headers are checked against the file size.
/// </summary>
public static class EdfReader
{
    private const int FixedHeaderBytes = 256;
    private const int SignalHeaderBytes = 256;

    /// <summary>Reads only the header of an EDF/BDF file.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="EegFormatException">The header is truncated, inconsistent or exceeds a limit.</exception>
    public static EdfHeader ReadHeader(string path, ReadLimits? limits = null)
    {
        using var stream = InputFile.OpenRead(path, limits, detail => new EegFormatException(path, null, detail));
        return ReadHeader(stream, path, limits);
    }

    /// <summary>Reads a whole EDF/BDF file.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="options">Validation options, or null for defaults.</param>
    /// <exception cref="EegFormatException">The file is malformed or fails validation.</exception>
    public static EegRecording Read(string path, EegReadOptions? options = null)
    {
        using var stream = InputFile.OpenRead(path, options?.Limits, detail => new EegFormatException(path, null, detail));
        return Read(stream, path, options);
    }

    /// <summary>Reads a whole EDF/BDF stream (it must be seekable, so its length can be checked).</summary>
    /// <param name="stream">Source stream positioned at the header.</param>
    /// <param name="sourceName">File name for error messages.</param>
    /// <param name="options">Validation options, or null for defaults.</param>
    /// <exception cref="EegFormatException">The content is malformed or fails validation.</exception>
    public static EegRecording Read(Stream stream, string sourceName, EegReadOptions? options = null)
    {
        options ??= new EegReadOptions();
        var header = ReadHeader(stream, sourceName, options.Limits);
        var signals = header.Signals;
        int records = header.RecordCount;
        var data = new double[signals.Count][];
        var gains = new double[signals.Count];
        var offsets = new double[signals.Count];
        for (int s = 0; s < signals.Count; s++)
        {
            data[s] = signals[s].IsAnnotation ? [] : new double[(long)records * signals[s].SamplesPerRecord];
            double scale = PhysicalUnits.ToMicrovolts(signals[s].PhysicalDimension) ?? 1.0;
            gains[s] = signals[s].Gain * scale;
            offsets[s] = signals[s].Offset * scale;
        }

        int firstAnnotationSignal = signals.ToList().FindIndex(s => s.IsAnnotation);
        var annotations = new List<EegAnnotation>();
        var recordOnsets = new List<double>();
        var record = new byte[header.RecordBytes];
        int bytesPerSample = header.BytesPerSample;
        for (int r = 0; r < records; r++)
        {
            int read = stream.ReadAtLeast(record, record.Length, throwOnEndOfStream: false);
            if (read < record.Length)
                throw new EegFormatException(sourceName, null, $"data record {r} is truncated ({read} of {record.Length} bytes).");
            int position = 0;
            for (int s = 0; s < signals.Count; s++)
            {
                int count = signals[s].SamplesPerRecord;
                var bytes = record.AsSpan(position, count * bytesPerSample);
                position += bytes.Length;
                if (signals[s].IsAnnotation)
                {
                    double? onset = EdfAnnotations.ParseRecord(bytes, sourceName, r, annotations);
                    // Only the first annotation signal carries the record's time stamp.
                    if (s == firstAnnotationSignal && onset is double o) recordOnsets.Add(o);
                    continue;
                }
                var target = data[s].AsSpan(r * count, count);
                if (bytesPerSample == 2) Decode16(bytes, target, gains[s], offsets[s]);
                else Decode24(bytes, target, gains[s], offsets[s]);
            }
        }

        var channels = new List<EegChannel>();
        for (int s = 0; s < signals.Count; s++)
        {
            var signal = signals[s];
            if (signal.IsAnnotation) continue;
            bool isVoltage = PhysicalUnits.ToMicrovolts(signal.PhysicalDimension) is not null;
            channels.Add(new EegChannel(signal.Label, signal.SamplesPerRecord / header.RecordDuration, data[s])
            {
                Unit = isVoltage ? "uV" : signal.PhysicalDimension,
                Transducer = signal.Transducer,
                Prefiltering = signal.Prefiltering,
            });
        }
        if (header.IsBdf && options.StatusTriggerEvents)
        {
            var status = channels.FirstOrDefault(c => c.Name.Equals("Status", StringComparison.OrdinalIgnoreCase) && !c.IsVoltage);
            if (status is not null) annotations.AddRange(BdfStatus.TriggerEvents(status));
        }

        var info = new EegRecordingInfo
        {
            SourcePath = sourceName,
            Format = header.FormatName,
            PatientId = header.PatientId,
            RecordingId = header.RecordingId,
            StartTime = header.StartTime,
            RecordDuration = header.RecordDuration,
            IsDiscontinuous = header.IsDiscontinuous,
            RecordOnsets = recordOnsets,
        };
        // Annotation onsets are relative to the file start; the first record's stamp marks sample 0.
        double origin = recordOnsets.Count > 0 ? recordOnsets[0] : 0;
        var shifted = origin == 0 ? annotations : annotations.Select(a => a with { Onset = a.Onset - origin }).ToList();
        return options.Apply(new EegRecording(channels, shifted, info));
    }

    private static void Decode16(ReadOnlySpan<byte> bytes, Span<double> target, double gain, double offset)
    {
        for (int i = 0; i < target.Length; i++)
            target[i] = (short)(bytes[2 * i] | bytes[2 * i + 1] << 8) * gain + offset;
    }

    private static void Decode24(ReadOnlySpan<byte> bytes, Span<double> target, double gain, double offset)
    {
        for (int i = 0; i < target.Length; i++)
        {
            int value = (bytes[3 * i] | bytes[3 * i + 1] << 8 | bytes[3 * i + 2] << 16) << 8 >> 8;
            target[i] = value * gain + offset;
        }
    }

    /// <summary>Parses and checks the header; leaves the stream at the first data record.</summary>
    internal static EdfHeader ReadHeader(Stream stream, string sourceName, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        Func<string, Exception> error = detail => new EegFormatException(sourceName, null, detail);
        var fixedPart = new byte[FixedHeaderBytes];
        int got = stream.ReadAtLeast(fixedPart, FixedHeaderBytes, throwOnEndOfStream: false);
        if (got < FixedHeaderBytes)
            throw new EegFormatException(sourceName, null, $"header is truncated: {got} bytes, at least {FixedHeaderBytes} expected.");
        bool isBdf = fixedPart[0] == 0xFF && Encoding.ASCII.GetString(fixedPart, 1, 7) == "BIOSEMI";
        if (!isBdf && Field(fixedPart, 0, 8) != "0")
            throw new EegFormatException(sourceName, null, $"version field '{Field(fixedPart, 0, 8)}' is neither EDF's '0' nor BDF's 0xFF 'BIOSEMI'.");
        string patient = Field(fixedPart, 8, 80);
        string recording = Field(fixedPart, 88, 80);
        DateTime? start = ParseStart(Field(fixedPart, 168, 8), Field(fixedPart, 176, 8));
        int headerBytes = (int)Integer(fixedPart, 184, 8, sourceName, null, "number of header bytes");
        string reserved = Field(fixedPart, 192, 44);
        long recordCount = Integer(fixedPart, 236, 8, sourceName, null, "number of data records");
        double duration = Number(fixedPart, 244, 8, sourceName, null, "duration of a data record");
        long signalCount = Integer(fixedPart, 252, 4, sourceName, null, "number of signals");
        if (signalCount < 1)
            throw new EegFormatException(sourceName, null, $"number of signals is {signalCount}; at least 1 expected.");
        if (headerBytes != FixedHeaderBytes * (signalCount + 1))
            throw new EegFormatException(sourceName, null, $"header size field says {headerBytes} bytes but {signalCount} signals need {FixedHeaderBytes * (signalCount + 1)}.");
        ReadLimits.Check(signalCount, limits.MaxChannels, "the number of signals", nameof(ReadLimits.MaxChannels), error);
        if (!(duration > 0))
            throw new EegFormatException(sourceName, null, $"duration of a data record is {duration} s; a positive value is expected.");

        var signalPart = new byte[SignalHeaderBytes * signalCount];
        got = stream.ReadAtLeast(signalPart, signalPart.Length, throwOnEndOfStream: false);
        if (got < signalPart.Length)
            throw new EegFormatException(sourceName, null, $"header is truncated in the signal headers: {FixedHeaderBytes + got} of {headerBytes} bytes.");
        int ns = (int)signalCount;
        var signals = new EdfSignalHeader[ns];
        for (int s = 0; s < ns; s++)
        {
            string label = Field(signalPart, 16 * s, 16);
            int At(int offset, int width) => offset * ns + width * s;
            var signal = new EdfSignalHeader(
                label,
                Field(signalPart, At(16, 80), 80),
                Field(signalPart, At(96, 8), 8),
                Number(signalPart, At(104, 8), 8, sourceName, label, "physical minimum"),
                Number(signalPart, At(112, 8), 8, sourceName, label, "physical maximum"),
                Integer(signalPart, At(120, 8), 8, sourceName, label, "digital minimum"),
                Integer(signalPart, At(128, 8), 8, sourceName, label, "digital maximum"),
                Field(signalPart, At(136, 80), 80),
                (int)Integer(signalPart, At(216, 8), 8, sourceName, label, "number of samples per record"));
            if (signal.SamplesPerRecord < 1)
                throw new EegFormatException(sourceName, label, $"number of samples per record is {signal.SamplesPerRecord}; at least 1 expected.");
            if (!signal.IsAnnotation)
            {
                if (signal.DigitalMaximum <= signal.DigitalMinimum)
                    throw new EegFormatException(sourceName, label, $"digital maximum {signal.DigitalMaximum} is not above digital minimum {signal.DigitalMinimum}.");
                if (signal.PhysicalMaximum == signal.PhysicalMinimum)
                    throw new EegFormatException(sourceName, label, $"physical minimum and maximum are both {signal.PhysicalMinimum}, so samples cannot be scaled.");
                long limit = isBdf ? 1 << 23 : 1 << 15;
                if (signal.DigitalMinimum < -limit || signal.DigitalMaximum > limit - 1)
                    throw new EegFormatException(sourceName, label, $"digital range [{signal.DigitalMinimum}, {signal.DigitalMaximum}] exceeds the {(isBdf ? 24 : 16)}-bit sample range.");
            }
            signals[s] = signal;
        }

        long recordBytes = signals.Sum(s => (long)s.SamplesPerRecord) * (isBdf ? 3 : 2);
        if (stream.CanSeek)
        {
            long available = stream.Length - headerBytes;
            long whole = available / recordBytes;
            if (recordCount == -1) recordCount = whole;
            else if (recordCount != whole || available % recordBytes != 0)
                throw new EegFormatException(sourceName, null,
                    $"header says {recordCount} data records of {recordBytes} bytes ({recordCount * recordBytes} bytes) but the file holds {available} bytes of data ({(double)available / recordBytes:0.###} records).");
        }
        else if (recordCount < 0)
        {
            throw new EegFormatException(sourceName, null, "number of data records is -1 (unknown) and the stream cannot be measured.");
        }
        if (recordCount < 0 || recordCount > int.MaxValue)
            throw new EegFormatException(sourceName, null, $"number of data records {recordCount} is out of range.");
        ReadLimits.Check(recordBytes, Array.MaxLength, "the size of one data record in bytes", nameof(ReadLimits.MaxElements), error);
        ReadLimits.Check(recordCount * (recordBytes / (isBdf ? 3 : 2)), limits.MaxElements, "the number of samples (records x samples per record)",
            nameof(ReadLimits.MaxElements), error);
        return new EdfHeader(isBdf, patient, recording, start, headerBytes, reserved, (int)recordCount, duration, signals);
    }

    private static string Field(byte[] bytes, int offset, int width) =>
        Encoding.Latin1.GetString(bytes, offset, width).Trim(' ', '\0');

    private static long Integer(byte[] bytes, int offset, int width, string sourceName, string? channel, string what)
    {
        string text = Field(bytes, offset, width);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw new EegFormatException(sourceName, channel, $"{what} '{text}' (header bytes {offset}..{offset + width - 1}) is not an integer.");
        return value;
    }

    private static double Number(byte[] bytes, int offset, int width, string sourceName, string? channel, string what)
    {
        string text = Field(bytes, offset, width);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new EegFormatException(sourceName, channel, $"{what} '{text}' (header bytes {offset}..{offset + width - 1}) is not a number.");
        return value;
    }

    private static DateTime? ParseStart(string date, string time)
    {
        // dd.mm.yy and hh.mm.ss; EDF's clipping year: 85-99 are 1985-1999, 00-84 are 2000-2084.
        var d = date.Split('.');
        var t = time.Split('.');
        if (d.Length != 3 || t.Length != 3) return null;
        if (!int.TryParse(d[0], out int day) || !int.TryParse(d[1], out int month) || !int.TryParse(d[2], out int year)
            || !int.TryParse(t[0], out int hour) || !int.TryParse(t[1], out int minute) || !int.TryParse(t[2], out int second))
            return null;
        year += year >= 85 ? 1900 : 2000;
        try
        {
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
