using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Eeg.IO;

/// <summary>Options shared by the EEG file readers.</summary>
public sealed class EegReadOptions
{
    /// <summary>When true, reject flat channels and NaN/infinite samples (see <see cref="EegRecording.Validate"/>). Default false.</summary>
    public bool Validate { get; set; }

    /// <summary>When true, every channel must share one sampling rate, else <see cref="EegFormatException"/>. Default false.</summary>
    public bool RequireCommonSamplingRate { get; set; }

    /// <summary>
    /// BDF only: turn changes of the status channel's low 16 bits (the BioSemi trigger lines) into
    /// <c>Trigger N</c> annotations. Default true.
    /// </summary>
    public bool StatusTriggerEvents { get; set; } = true;

    /// <summary>
    /// Resource limits checked before anything is allocated (file size, channels, samples, decompressed bytes, nesting);
    /// a file over one is refused with <see cref="EegFormatException"/>. Default <see cref="ReadLimits.Default"/>.
    /// </summary>
    public ReadLimits Limits { get; set; } = ReadLimits.Default;

    /// <summary>Applies the validation options to a freshly read recording.</summary>
    internal EegRecording Apply(EegRecording recording)
    {
        if (RequireCommonSamplingRate) _ = recording.SamplingRate;
        if (Validate) recording.Validate();
        return recording;
    }
}
