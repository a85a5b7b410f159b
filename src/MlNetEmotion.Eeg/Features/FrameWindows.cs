namespace MlNetEmotion.Eeg.Features;

/// <summary>
/// Analysis windows aligned to a video frame rate: window k starts at sample round(k · hop · fs) and
/// holds round(T · fs) samples, with T = 1 / fps (or a given length) and hop = T · (1 − overlap).
/// Only windows that fit entirely in the signal are produced.
/// </summary>
public sealed class FrameWindows
{
    /// <summary>Plans windows over a signal.</summary>
    /// <param name="sampleCount">Samples in the signal.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="windowSeconds">Window length T in seconds (1 / fps for frame-aligned windows).</param>
    /// <param name="overlap">Fraction of a window shared with the next, in [0, 1). Default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, or the window is shorter than one sample.</exception>
    public FrameWindows(int sampleCount, double samplingRate, double windowSeconds, double overlap = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        if (!(samplingRate > 0)) throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, "The sampling rate must be positive.");
        if (!(windowSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, "The window length must be positive.");
        if (!(overlap >= 0 && overlap < 1)) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "The overlap must lie in [0, 1).");
        Length = (int)Math.Round(windowSeconds * samplingRate);
        if (Length < 1)
            throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, $"A {windowSeconds} s window holds less than one sample at {samplingRate} Hz.");
        HopSeconds = windowSeconds * (1 - overlap);
        SamplingRate = samplingRate;
        int count = 0;
        while ((long)Start(count) + Length <= sampleCount) count++;
        Count = count;
    }

    /// <summary>Plans frame-aligned windows: T = 1 / <paramref name="framesPerSecond"/>.</summary>
    /// <param name="sampleCount">Samples in the signal.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="framesPerSecond">Video frame rate.</param>
    /// <param name="overlap">Fraction of overlap in [0, 1).</param>
    public static FrameWindows ForFrameRate(int sampleCount, double samplingRate, double framesPerSecond, double overlap = 0)
    {
        if (!(framesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "The frame rate must be positive.");
        return new FrameWindows(sampleCount, samplingRate, 1 / framesPerSecond, overlap);
    }

    /// <summary>Number of whole windows.</summary>
    public int Count { get; }

    /// <summary>Samples per window.</summary>
    public int Length { get; }

    /// <summary>Seconds between window starts.</summary>
    public double HopSeconds { get; }

    /// <summary>Sampling rate in Hz.</summary>
    public double SamplingRate { get; }

    /// <summary>First sample of window <paramref name="index"/>.</summary>
    /// <param name="index">Window index.</param>
    public int Start(int index) => (int)Math.Round(index * HopSeconds * SamplingRate, MidpointRounding.AwayFromZero);
}
