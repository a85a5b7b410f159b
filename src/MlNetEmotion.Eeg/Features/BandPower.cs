using System.Numerics.Tensors;
using MlNetEmotion.Signals.Spectral;

namespace MlNetEmotion.Eeg.Features;

/// <summary>Band power per window, channel and band (see <see cref="BandPowerMethod"/> and <see cref="BandPowerScale"/>).</summary>
public static class BandPower
{
    /// <summary>Computes band powers over windows of equally sampled channels.</summary>
    /// <param name="channels">One sample array per channel (µV), all the same length.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="windows">The analysis windows.</param>
    /// <param name="options">Options, or null for defaults.</param>
    /// <returns>[windows, channels, bands] in the requested scale.</returns>
    /// <exception cref="ArgumentException">A band holds no Welch bin, or channels differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A band reaches the Nyquist frequency.</exception>
    public static BandFeatures Compute(IReadOnlyList<double[]> channels, double samplingRate, FrameWindows windows, BandPowerOptions? options = null)
    {
        options ??= new BandPowerOptions();
        var bands = options.Bands;
        Check(channels, samplingRate, bands);
        int nb = bands.Count, nc = channels.Count;
        var values = new double[windows.Count * nc * nb];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        if (options.Method == BandPowerMethod.FilterBank)
        {
            var filtered = BandFilterBank.Filter(channels, samplingRate, bands, options.FilterOrder, options.MaxDegreeOfParallelism);
            Parallel.For(0, nc, parallel, c =>
            {
                for (int w = 0; w < windows.Count; w++)
                    for (int b = 0; b < nb; b++)
                    {
                        var window = filtered[b][c].AsSpan(windows.Start(w), windows.Length);
                        values[(w * nc + c) * nb + b] = TensorPrimitives.SumOfSquares(window) / window.Length;
                    }
            });
        }
        else
        {
            var bins = BinRanges(windows, samplingRate, bands, options.Welch);
            Parallel.For(0, nc, parallel, c =>
            {
                for (int w = 0; w < windows.Count; w++)
                {
                    var spectrum = Welch.Estimate(channels[c].AsSpan(windows.Start(w), windows.Length), samplingRate, options.Welch);
                    double df = spectrum.Frequencies.Length > 1 ? spectrum.Frequencies[1] : samplingRate;
                    for (int b = 0; b < nb; b++)
                        values[(w * nc + c) * nb + b] = TensorPrimitives.Sum(spectrum.Power.AsSpan(bins[b].Start, bins[b].Count)) * df;
                }
            });
        }
        ApplyScale(values, nb, options.Scale);
        return new BandFeatures(values, windows.Count, nc, bands);
    }

    /// <summary>Converts absolute powers, grouped by <paramref name="bandCount"/>, to the requested scale in place.</summary>
    /// <param name="values">Absolute powers, bands innermost.</param>
    /// <param name="bandCount">Bands per group.</param>
    /// <param name="scale">Target scale.</param>
    public static void ApplyScale(Span<double> values, int bandCount, BandPowerScale scale)
    {
        if (scale == BandPowerScale.Log)
        {
            TensorPrimitives.Log(values, values);
        }
        else if (scale == BandPowerScale.Relative)
        {
            for (int i = 0; i < values.Length; i += bandCount)
            {
                var group = values.Slice(i, bandCount);
                double total = TensorPrimitives.Sum(group);
                if (total > 0) TensorPrimitives.Divide(group, total, group);
            }
        }
    }

    private static void Check(IReadOnlyList<double[]> channels, double samplingRate, IReadOnlyList<FrequencyBand> bands)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0) throw new ArgumentException("At least one channel is needed.", nameof(channels));
        if (bands.Count == 0) throw new ArgumentException("At least one band is needed.", nameof(bands));
        for (int c = 0; c < channels.Count; c++)
            if (channels[c].Length != channels[0].Length)
                throw new ArgumentException($"Channel {c} has {channels[c].Length} samples but channel 0 has {channels[0].Length}.", nameof(channels));
        foreach (var band in bands) band.EnsureBelowNyquist(samplingRate, "every channel");
    }

    private static (int Start, int Count)[] BinRanges(FrameWindows windows, double samplingRate, IReadOnlyList<FrequencyBand> bands, WelchOptions? welch)
    {
        int segment = Math.Min(welch?.SegmentLength ?? 256, windows.Length);
        double df = samplingRate / segment;
        int binCount = segment / 2 + 1;
        var ranges = new (int, int)[bands.Count];
        for (int b = 0; b < bands.Count; b++)
        {
            int first = (int)Math.Ceiling(bands[b].Low / df - 1e-9);
            int end = Math.Min(binCount, (int)Math.Ceiling(bands[b].High / df - 1e-9));
            if (end <= first)
                throw new ArgumentException(
                    $"Band '{bands[b].Name}' ({bands[b].Low}-{bands[b].High} Hz) holds no Welch bin at {df} Hz resolution ({segment}-sample segments); use longer windows or BandPowerMethod.FilterBank.",
                    nameof(bands));
            ranges[b] = (first, end - first);
        }
        return ranges;
    }
}
