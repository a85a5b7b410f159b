using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Eeg.IO;

/// <summary>
/// Reads GDF 1.x and 2.x files (Schlögl's General Data Format for biosignals): every sample type
/// (int8 to uint64, float32, float64), channels with different samples per record, and the event table
/// (modes 1 and 3) as annotations named by their decimal event type. Samples are scaled with each
/// channel's physical/digital range and its unit to microvolts; other units keep their physical values.
/// Headers are checked against the file size.
/// </summary>
public static class GdfReader
{
    /// <summary>Reads only the header of a GDF file.</summary>
    /// <param name="path">File to read.</param>
    /// <exception cref="EegFormatException">The header is truncated or inconsistent.</exception>
    public static GdfHeader ReadHeader(string path)
    {
        using var stream = Open(path, null);
        return GdfHeaderReader.Read(stream, path);
    }

    /// <summary>Reads the event table of a GDF file, or null when the file has none.</summary>
    /// <param name="path">File to read.</param>
    /// <exception cref="EegFormatException">The header or the event table is malformed.</exception>
    public static GdfEventTable? ReadEvents(string path)
    {
        using var stream = Open(path, null);
        return GdfEventTableReader.Read(stream, path, GdfHeaderReader.Read(stream, path));
    }

    /// <summary>Reads a whole GDF file.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="options">Validation options, or null for defaults.</param>
    /// <exception cref="EegFormatException">The file is malformed or fails validation.</exception>
    public static EegRecording Read(string path, EegReadOptions? options = null)
    {
        using var stream = Open(path, options?.Limits);
        return Read(stream, path, options);
    }

    private static FileStream Open(string path, ReadLimits? limits) =>
        InputFile.OpenRead(path, limits, detail => new EegFormatException(path, null, detail));

    /// <summary>Reads a whole GDF stream.</summary>
    /// <param name="stream">Seekable source stream positioned at the start of the file.</param>
    /// <param name="sourceName">File name for error messages.</param>
    /// <param name="options">Validation options, or null for defaults.</param>
    /// <exception cref="ArgumentException">The stream cannot seek (the header is checked against its length).</exception>
    /// <exception cref="EegFormatException">The content is malformed or fails validation.</exception>
    public static EegRecording Read(Stream stream, string sourceName, EegReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("GDF streams must be seekable.", nameof(stream));
        options ??= new EegReadOptions();
        var header = GdfHeaderReader.Read(stream, sourceName);
        var signals = header.Signals;
        Func<string, Exception> error = detail => new EegFormatException(sourceName, null, detail);
        ReadLimits.Check(signals.Count, options.Limits.MaxChannels, "the number of signals", nameof(ReadLimits.MaxChannels), error);
        ReadLimits.Check(header.RecordCount * signals.Sum(s => (long)s.SamplesPerRecord), options.Limits.MaxElements,
            "the number of samples (records x samples per record)", nameof(ReadLimits.MaxElements), error);
        var data = new double[signals.Count][];
        var gains = new double[signals.Count];
        var offsets = new double[signals.Count];
        for (int s = 0; s < signals.Count; s++)
        {
            data[s] = new double[(long)header.RecordCount * signals[s].SamplesPerRecord];
            double scale = PhysicalUnits.ToMicrovolts(signals[s].PhysicalDimension) ?? 1.0;
            gains[s] = signals[s].Gain * scale;
            offsets[s] = signals[s].Offset * scale;
        }

        var record = new byte[header.RecordBytes];
        for (int r = 0; r < header.RecordCount; r++)
        {
            stream.ReadExactly(record);
            int position = 0;
            for (int s = 0; s < signals.Count; s++)
            {
                int count = signals[s].SamplesPerRecord;
                int bytes = (int)signals[s].RecordBytes;
                GdfSamples.Decode(signals[s].SampleType, record.AsSpan(position, bytes), data[s].AsSpan(r * count, count), gains[s], offsets[s]);
                position += bytes;
            }
        }

        var channels = new EegChannel[signals.Count];
        for (int s = 0; s < signals.Count; s++)
        {
            var signal = signals[s];
            bool isVoltage = PhysicalUnits.ToMicrovolts(signal.PhysicalDimension) is not null;
            channels[s] = new EegChannel(signal.Label, header.SamplingRateOf(signal), data[s])
            {
                Unit = isVoltage ? "uV" : signal.PhysicalDimension,
                Transducer = signal.Transducer,
                Prefiltering = signal.Prefiltering,
            };
        }
        var events = GdfEventTableReader.Read(stream, sourceName, header);
        var annotations = events?.ToAnnotations(channels.Max(c => c.SamplingRate)) ?? [];
        var info = new EegRecordingInfo
        {
            SourcePath = sourceName,
            Format = header.Version,
            PatientId = header.PatientId,
            RecordingId = header.RecordingId,
            StartTime = header.StartTime,
            RecordDuration = header.RecordDuration,
        };
        return options.Apply(new EegRecording(channels, annotations, info));
    }
}
