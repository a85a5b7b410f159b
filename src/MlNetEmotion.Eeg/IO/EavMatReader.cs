using MlNetEmotion.Eeg.IO.Mat;

namespace MlNetEmotion.Eeg.IO;

/// <summary>One participant of EAV's <c>subjectNN/EEG/subjectNN_eeg.mat</c>.</summary>
/// <param name="Data">Row-major [samples, channels, trials] as stored (10000 × 30 × 200 in EAV: 20 s at 500 Hz).</param>
/// <param name="Samples">Samples per trial (first dimension).</param>
/// <param name="Channels">Number of channels (second dimension).</param>
/// <param name="Trials">Number of trials (third dimension), in the clips' NUM order.</param>
/// <param name="SamplingRate">Sampling rate in Hz.</param>
/// <param name="ChannelNames">Channel names, or null for Ch1..ChN.</param>
/// <param name="SourcePath">The file read.</param>
public sealed record EavSubject(double[] Data, int Samples, int Channels, int Trials, double SamplingRate,
    IReadOnlyList<string>? ChannelNames, string SourcePath) : IMultiTrialRecording
{
    /// <summary>EAV's EEG sampling rate (Hz).</summary>
    public const double DefaultSamplingRate = 500;

    /// <inheritdoc />
    public EegRecording ToRecording(int trial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trial, Trials);
        var channels = new EegChannel[Channels];
        for (int c = 0; c < Channels; c++)
        {
            var values = new double[Samples];
            for (int s = 0, i = c * Trials + trial; s < Samples; s++, i += Channels * Trials) values[s] = Data[i];
            channels[c] = new EegChannel(ChannelNames?[c] ?? $"Ch{c + 1}", SamplingRate, values) { Unit = "uV" };
        }
        return new EegRecording(channels, null, new EegRecordingInfo { SourcePath = SourcePath, Format = "MAT" });
    }
}

/// <summary>Reads EAV's per-participant EEG MAT-files (<c>seg1</c>, or <c>seg</c> in some releases: samples × channels × trials, µV).</summary>
public static class EavMatReader
{
    /// <summary>Reads one participant file.</summary>
    /// <param name="path">A <c>subjectNN_eeg.mat</c> file.</param>
    /// <param name="samplingRate">Sampling rate in Hz. Default 500.</param>
    /// <param name="channelNames">Channel names in stored order, or null for Ch1..ChN.</param>
    /// <exception cref="EegFormatException">No 3-D <c>seg1</c>/<c>seg</c>, or the names do not match the channel count.</exception>
    public static EavSubject Read(string path, double samplingRate = EavSubject.DefaultSamplingRate, IReadOnlyList<string>? channelNames = null) =>
        FromMat(path, MatReader.Read(path), samplingRate, channelNames);

    internal static EavSubject FromMat(string path, MatFile file, double samplingRate, IReadOnlyList<string>? channelNames)
    {
        string name = file.Variables.Any(v => v.Key == "seg1") ? "seg1" : "seg";
        if (!file.Variables.Any(v => v.Key == name) || file[name] is not MatNumericArray { Dimensions.Count: 3 } seg)
            throw new EegFormatException(path, null, "an EAV file needs a 3-D numeric 'seg1' (or 'seg') [samples x channels x trials].");
        if (channelNames is not null && channelNames.Count != seg.Dimensions[1])
            throw new EegFormatException(path, null, $"{channelNames.Count} channel names were given for {seg.Dimensions[1]} channels.");
        return new EavSubject(seg.ToRowMajor(), seg.Dimensions[0], seg.Dimensions[1], seg.Dimensions[2], samplingRate, channelNames, path);
    }
}
