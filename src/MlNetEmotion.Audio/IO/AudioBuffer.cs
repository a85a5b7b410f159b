namespace MlNetEmotion.Audio.IO;

/// <summary>Decoded audio: 32-bit float samples, interleaved by channel (frame-major), nominally in [−1, 1].</summary>
public sealed class AudioBuffer
{
    /// <summary>Wraps interleaved samples (not copied).</summary>
    /// <param name="samples">Interleaved samples: frame <c>f</c>, channel <c>c</c> is at <c>f · channels + c</c>.</param>
    /// <param name="sampleRate">Frames per second, at least 1.</param>
    /// <param name="channels">Channels per frame, at least 1.</param>
    /// <exception cref="ArgumentException">A count is not positive or the sample count is not a multiple of the channel count.</exception>
    public AudioBuffer(float[] samples, int sampleRate, int channels = 1)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (samples.Length % channels != 0)
            throw new ArgumentException($"{samples.Length} samples is not a whole number of {channels}-channel frames.", nameof(samples));
        Samples = samples;
        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Interleaved samples.</summary>
    public float[] Samples { get; }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Number of channels.</summary>
    public int Channels { get; }

    /// <summary>Number of frames (samples per channel).</summary>
    public int FrameCount => Samples.Length / Channels;

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>The samples of one channel.</summary>
    /// <param name="channel">Channel index.</param>
    /// <returns>A new array of <see cref="FrameCount"/> samples.</returns>
    public float[] Channel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        var result = new float[FrameCount];
        for (int f = 0; f < result.Length; f++) result[f] = Samples[f * Channels + channel];
        return result;
    }

    /// <summary>Mono mix-down: each output sample is the arithmetic mean of the frame's channels (no pan law, no
    /// clipping). A mono buffer returns its own sample array.</summary>
    /// <returns><see cref="FrameCount"/> samples.</returns>
    public float[] ToMono()
    {
        if (Channels == 1) return Samples;
        var result = new float[FrameCount];
        for (int f = 0; f < result.Length; f++)
        {
            double sum = 0;
            for (int c = 0; c < Channels; c++) sum += Samples[f * Channels + c];
            result[f] = (float)(sum / Channels);
        }
        return result;
    }

    /// <summary>A mono buffer holding <see cref="ToMono"/>.</summary>
    public AudioBuffer Mono() => Channels == 1 ? this : new AudioBuffer(ToMono(), SampleRate, 1);
}
