namespace MlNetEmotion.Eeg;

/// <summary>Header fields of a recording that are not per channel.</summary>
public sealed record EegRecordingInfo
{
    /// <summary>Where the recording was read from, or empty for an in-memory recording.</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>File format: <c>EDF</c>, <c>EDF+C</c>, <c>EDF+D</c>, <c>BDF</c>, <c>BDF+C</c>, <c>BDF+D</c>, the GDF version field (<c>GDF 1.25</c>, <c>GDF 2.20</c>…), <c>MAT</c>, <c>NPY</c>, <c>CSV</c> or empty.</summary>
    public string Format { get; init; } = "";

    /// <summary>Local patient identification (EDF/BDF header, 80 characters at most).</summary>
    public string PatientId { get; init; } = "";

    /// <summary>Local recording identification (EDF/BDF header, 80 characters at most).</summary>
    public string RecordingId { get; init; } = "";

    /// <summary>Start date and time of the recording, or null when unknown.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>Duration of one data record in seconds (EDF/BDF); 0 for formats without records.</summary>
    public double RecordDuration { get; init; }

    /// <summary>
    /// True for EDF+D/BDF+D files, whose data records are not contiguous in time: the samples are
    /// still concatenated record after record, and <see cref="RecordOnsets"/> gives each record's true start.
    /// </summary>
    public bool IsDiscontinuous { get; init; }

    /// <summary>Start of each data record in seconds, from the EDF+ time-keeping annotations; empty when the file has none.</summary>
    public IReadOnlyList<double> RecordOnsets { get; init; } = [];
}
