using MlNetEmotion.Eeg.Features;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>
/// The value of an EEG signal column: equally sampled channels in µV with their names and rate, and
/// the analysis windows set by <c>mlContext.Transforms.Eeg.Segment</c> (null until then, meaning one window over the whole signal).
/// </summary>
public sealed class EegSignal
{
    /// <summary>Creates a signal.</summary>
    /// <param name="channelNames">Channel names.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="data">One sample array per channel, all the same length.</param>
    /// <param name="segmentation">Analysis windows, or null.</param>
    /// <param name="source">Where the samples came from (file, trial), named in the errors of later steps; null when unknown.</param>
    /// <exception cref="ArgumentException">Names and channels disagree, or channels differ in length.</exception>
    public EegSignal(IReadOnlyList<string> channelNames, double samplingRate, double[][] data, Segmentation? segmentation = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(data);
        if (channelNames.Count != data.Length)
            throw new ArgumentException($"{channelNames.Count} channel names for {data.Length} channels.", nameof(channelNames));
        if (data.Any(d => d.Length != data[0].Length))
            throw new ArgumentException("All channels of a signal must have the same length.", nameof(data));
        if (!(samplingRate > 0)) throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, "The sampling rate must be positive.");
        ChannelNames = channelNames;
        SamplingRate = samplingRate;
        Data = data;
        Segmentation = segmentation;
        Source = source;
    }

    /// <summary>Channel names.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Sampling rate in Hz.</summary>
    public double SamplingRate { get; }

    /// <summary>Samples per channel, [channel][sample], µV.</summary>
    public double[][] Data { get; }

    /// <summary>Window length and overlap for feature steps, or null for one window over the whole signal.</summary>
    public Segmentation? Segmentation { get; }

    /// <summary>Where the samples came from (file path, and trial for multi-trial files), or null when unknown.</summary>
    public string? Source { get; }

    /// <summary>Samples per channel.</summary>
    public int SampleCount => Data.Length == 0 ? 0 : Data[0].Length;

    /// <summary>The analysis windows over the current samples.</summary>
    public FrameWindows Windows => Segmentation is { } s
        ? new FrameWindows(SampleCount, SamplingRate, s.WindowSeconds, s.Overlap)
        : new FrameWindows(SampleCount, SamplingRate, SampleCount / SamplingRate);

    /// <summary>The voltage channels of a recording (one common rate required).</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="source">The source named in later errors; default the recording's file path.</param>
    /// <exception cref="EegFormatException">The voltage channels have different rates.</exception>
    public static EegSignal FromRecording(EegRecording recording, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var voltage = recording.VoltageChannels();
        source ??= string.IsNullOrEmpty(recording.Info.SourcePath) ? null : recording.Info.SourcePath;
        return new EegSignal(voltage.ChannelNames, voltage.SamplingRate, voltage.Channels.Select(c => c.Samples).ToArray(), source: source);
    }

    /// <summary>A copy with other samples (and optionally another rate), keeping names and segmentation.</summary>
    /// <param name="data">New samples.</param>
    /// <param name="samplingRate">New rate, or null to keep.</param>
    public EegSignal With(double[][] data, double? samplingRate = null) => new(ChannelNames, samplingRate ?? SamplingRate, data, Segmentation, Source);

    /// <summary>A copy with another segmentation.</summary>
    /// <param name="segmentation">The windows.</param>
    public EegSignal With(Segmentation segmentation) => new(ChannelNames, SamplingRate, Data, segmentation, Source);
}

/// <summary>Analysis windows of a signal: length in seconds (1 / fps for frame-aligned windows) and overlap fraction.</summary>
/// <param name="WindowSeconds">Window length in seconds.</param>
/// <param name="Overlap">Fraction of overlap in [0, 1).</param>
public sealed record Segmentation(double WindowSeconds, double Overlap);
