namespace MlNetEmotion.Eeg.IO;

/// <summary>The fixed part of a GDF 1.x or 2.x header plus its channel headers.</summary>
/// <param name="Version">The version field, e.g. <c>GDF 1.25</c> or <c>GDF 2.20</c>.</param>
/// <param name="VersionNumber">The number in <paramref name="Version"/>, e.g. 1.25.</param>
/// <param name="PatientId">Patient identification (80 characters in 1.x, 66 in 2.x; trimmed).</param>
/// <param name="RecordingId">Recording identification (80 characters in 1.x, 64 in 2.x; trimmed).</param>
/// <param name="StartTime">Start of the recording, or null when the field is empty or does not parse.</param>
/// <param name="HeaderBytes">Header size in bytes: where the first data record starts.</param>
/// <param name="RecordCount">Number of data records (taken from the file size when the header says -1).</param>
/// <param name="RecordDurationNumerator">Duration of a data record in seconds: numerator of the rational.</param>
/// <param name="RecordDurationDenominator">Denominator of the rational.</param>
/// <param name="Signals">Per-channel headers, in file order.</param>
public sealed record GdfHeader(
    string Version,
    double VersionNumber,
    string PatientId,
    string RecordingId,
    DateTime? StartTime,
    long HeaderBytes,
    int RecordCount,
    uint RecordDurationNumerator,
    uint RecordDurationDenominator,
    IReadOnlyList<GdfSignalHeader> Signals)
{
    /// <summary>True for the GDF 2 header layout (version 1.90 and later, as BioSig and MNE read it).</summary>
    public bool IsVersion2 => VersionNumber >= 1.9;

    /// <summary>Duration of a data record in seconds.</summary>
    public double RecordDuration => (double)RecordDurationNumerator / RecordDurationDenominator;

    /// <summary>Bytes in one data record (all channels).</summary>
    public long RecordBytes => Signals.Sum(s => s.RecordBytes);

    /// <summary>Byte offset of the event table: just after the last data record.</summary>
    public long EventTableOffset => HeaderBytes + RecordCount * RecordBytes;

    /// <summary>Sampling rate of a channel: samples per record · denominator / numerator.</summary>
    /// <param name="signal">The channel's header.</param>
    public double SamplingRateOf(GdfSignalHeader signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return (double)signal.SamplesPerRecord * RecordDurationDenominator / RecordDurationNumerator;
    }
}
