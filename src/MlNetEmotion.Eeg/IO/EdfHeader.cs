namespace MlNetEmotion.Eeg.IO;

/// <summary>The fixed part of an EDF/BDF header plus its signal headers.</summary>
/// <param name="IsBdf">True for BioSemi 24-bit BDF, false for 16-bit EDF.</param>
/// <param name="PatientId">Local patient identification.</param>
/// <param name="RecordingId">Local recording identification.</param>
/// <param name="StartTime">Start date and time, or null when the fields do not parse.</param>
/// <param name="HeaderBytes">Header size in bytes (256 · (signals + 1)).</param>
/// <param name="Reserved">The 44-byte reserved field: <c>EDF+C</c>, <c>EDF+D</c>, <c>24BIT</c>, <c>BDF+C</c>… or blank.</param>
/// <param name="RecordCount">Number of data records (resolved from the file size when the header says -1).</param>
/// <param name="RecordDuration">Seconds per data record.</param>
/// <param name="Signals">Per-signal headers, in file order.</param>
public sealed record EdfHeader(
    bool IsBdf,
    string PatientId,
    string RecordingId,
    DateTime? StartTime,
    int HeaderBytes,
    string Reserved,
    int RecordCount,
    double RecordDuration,
    IReadOnlyList<EdfSignalHeader> Signals)
{
    /// <summary>Bytes per sample: 2 for EDF, 3 for BDF.</summary>
    public int BytesPerSample => IsBdf ? 3 : 2;

    /// <summary>Bytes in one data record (all signals).</summary>
    public long RecordBytes => Signals.Sum(s => (long)s.SamplesPerRecord) * BytesPerSample;

    /// <summary>True for EDF+/BDF+ files (reserved field starts with <c>EDF+</c> or <c>BDF+</c>).</summary>
    public bool IsPlus => Reserved.StartsWith("EDF+", StringComparison.Ordinal) || Reserved.StartsWith("BDF+", StringComparison.Ordinal);

    /// <summary>True for discontinuous EDF+D/BDF+D files.</summary>
    public bool IsDiscontinuous => Reserved.StartsWith("EDF+D", StringComparison.Ordinal) || Reserved.StartsWith("BDF+D", StringComparison.Ordinal);

    /// <summary>Format name for <see cref="EegRecordingInfo.Format"/>.</summary>
    public string FormatName => IsPlus ? Reserved[..5] : IsBdf ? "BDF" : "EDF";
}
