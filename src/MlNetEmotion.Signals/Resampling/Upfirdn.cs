namespace MlNetEmotion.Signals.Resampling;

/// <summary>Upsample, FIR filter, downsample (<c>scipy.signal.upfirdn</c>, <c>mode='constant'</c>, <c>cval=0</c>).</summary>
public static class Upfirdn
{
    /// <summary>Length of the full <see cref="Apply"/> output: <c>⌈((n + ⌈len(h)/up⌉ − 1)·up) / down⌉</c>.</summary>
    /// <param name="filterLength">Number of filter taps.</param>
    /// <param name="inputLength">Number of input samples.</param>
    /// <param name="up">Upsampling factor.</param>
    /// <param name="down">Downsampling factor.</param>
    public static int OutputLength(int filterLength, int inputLength, int up, int down)
    {
        long padded = inputLength + (filterLength + up - 1) / up - 1;
        long total = padded * up;
        return checked((int)((total + down - 1) / down));
    }

    /// <summary>Inserts <c>up − 1</c> zeros between samples, convolves with <paramref name="h"/>, keeps every <paramref name="down"/>-th sample.</summary>
    /// <param name="h">FIR filter taps.</param>
    /// <param name="x">Input samples.</param>
    /// <param name="up">Upsampling factor, at least 1.</param>
    /// <param name="down">Downsampling factor, at least 1.</param>
    /// <returns>The full output, <see cref="OutputLength"/> samples.</returns>
    public static double[] Apply(ReadOnlySpan<double> h, ReadOnlySpan<double> x, int up, int down)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(up, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(down, 1);
        if (h.IsEmpty)
        {
            throw new ArgumentException("The filter needs at least one tap.", nameof(h));
        }

        SampleGuard.EnsureFinite(x, nameof(x));
        var y = new double[OutputLength(h.Length, x.Length, up, down)];
        new Polyphase(h, up, down).Apply(x, y, 0);
        return y;
    }
}
