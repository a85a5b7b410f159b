using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Signals.Spectral;

/// <summary>
/// Welch's averaged-periodogram spectral estimate, equivalent to <c>scipy.signal.welch(x, fs)</c> with its
/// defaults (256-sample periodic Hann segments, 50 % overlap, constant detrend, one-sided density, mean average)
/// and the options of <see cref="WelchOptions"/>.
/// </summary>
public static class Welch
{
    /// <summary>Estimates the spectrum of one signal.</summary>
    /// <param name="x">Signal samples, at least one.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <param name="options">Options; null means SciPy's defaults.</param>
    /// <returns>Frequencies and power, <c>nperseg/2 + 1</c> bins.</returns>
    /// <exception cref="NonFiniteSampleException">A sample is NaN or infinite.</exception>
    public static PowerSpectrum Estimate(ReadOnlySpan<double> x, double sampleRate, WelchOptions? options = null)
    {
        SampleGuard.EnsureFinite(x, nameof(x));
        var plan = new Plan(x.Length, sampleRate, options ?? new WelchOptions());
        var power = new double[plan.Fft.BinCount];
        plan.Run(x, power);
        return new PowerSpectrum(plan.Frequencies(), power);
    }

    /// <summary>Estimates the spectra of equally long channels in parallel, sharing one FFT plan (results do not depend on the thread count).</summary>
    /// <param name="channels">One array per channel, all the same length.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <param name="options">Options; null means SciPy's defaults.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads to use; −1 (default) lets the runtime decide, 1 runs on the caller's thread.</param>
    /// <returns>The shared frequencies and one power array per channel.</returns>
    public static (double[] Frequencies, double[][] Power) Estimate(IReadOnlyList<double[]> channels, double sampleRate, WelchOptions? options = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            throw new ArgumentException("At least one channel is needed.", nameof(channels));
        }

        int length = channels[0].Length;
        for (int c = 0; c < channels.Count; c++)
        {
            if (channels[c].Length != length)
            {
                throw new ArgumentException($"Channel {c} has {channels[c].Length} samples but channel 0 has {length}.", nameof(channels));
            }

            SampleGuard.EnsureFinite(channels[c], $"channels[{c}]");
        }

        var plan = new Plan(length, sampleRate, options ?? new WelchOptions());
        var power = new double[channels.Count][];
        Parallel.For(0, channels.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            power[c] = new double[plan.Fft.BinCount];
            plan.Run(channels[c], power[c]);
        });
        return (plan.Frequencies(), power);
    }

    /// <summary>Everything that depends only on the signal length and the options.</summary>
    private sealed class Plan
    {
        private readonly double[] _window;
        private readonly double _scale;
        private readonly int _step;
        private readonly int _segments;
        private readonly double _sampleRate;
        private readonly WelchOptions _options;

        public Plan(int length, double sampleRate, WelchOptions options)
        {
            if (length < 1)
            {
                throw new ArgumentException("Welch's method needs at least one sample.", "x");
            }

            if (!(sampleRate > 0) || !double.IsFinite(sampleRate))
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sampling rate must be a positive finite number of Hz.");
            }

            int segmentLength = Math.Min(options.SegmentLength ?? 256, length);
            if (segmentLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.SegmentLength, "WelchOptions.SegmentLength must be at least 1.");
            }

            int overlap = options.Overlap ?? segmentLength / 2;
            if (overlap < 0 || overlap >= segmentLength)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Overlap, $"WelchOptions.Overlap must lie in [0, {segmentLength}) for {segmentLength}-sample segments.");
            }

            _options = options;
            _sampleRate = sampleRate;
            _window = Windows.Create(options.Window, segmentLength, periodic: true);
            _step = segmentLength - overlap;
            _segments = (length - overlap) / _step;
            _scale = options.Scaling == SpectralScaling.Density
                ? 1.0 / (sampleRate * TensorPrimitives.SumOfSquares(_window))
                : 1.0 / (TensorPrimitives.Sum(_window) * TensorPrimitives.Sum(_window));
            Fft = new RealFftPlan(segmentLength);
        }

        public RealFftPlan Fft { get; }

        public double[] Frequencies()
        {
            var f = new double[Fft.BinCount];
            double spacing = 1.0 / (Fft.Length * (1.0 / _sampleRate));
            for (int k = 0; k < f.Length; k++)
            {
                f[k] = k * spacing;
            }

            return f;
        }

        public void Run(ReadOnlySpan<double> x, Span<double> result)
        {
            int n = Fft.Length;
            int bins = Fft.BinCount;
            bool median = _options.Average == SpectralAverage.Median;
            double[] segment = ArrayPool<double>.Shared.Rent(n);
            double[] periodograms = ArrayPool<double>.Shared.Rent(bins * (median ? _segments : 1));
            double[] bin = ArrayPool<double>.Shared.Rent(bins);
            try
            {
                Span<double> seg = segment.AsSpan(0, n);
                Span<double> sum = periodograms.AsSpan(0, bins);
                sum.Clear();
                for (int s = 0; s < _segments; s++)
                {
                    ReadOnlySpan<double> source = x.Slice(s * _step, n);
                    if (_options.RemoveSegmentMean)
                    {
                        TensorPrimitives.Subtract(source, TensorPrimitives.Sum(source) / n, seg);
                        TensorPrimitives.Multiply(seg, _window, seg);
                    }
                    else
                    {
                        TensorPrimitives.Multiply(source, _window, seg);
                    }

                    Span<double> target = median ? periodograms.AsSpan(s * bins, bins) : bin.AsSpan(0, bins);
                    Fft.PowerSpectrum(seg, target);
                    TensorPrimitives.Multiply(target, _scale, target);
                    // One-sided: double every bin except DC and (for even lengths) Nyquist.
                    int lastDoubled = n % 2 == 0 ? bins - 2 : bins - 1;
                    TensorPrimitives.Multiply(target.Slice(1, lastDoubled), 2.0, target.Slice(1, lastDoubled));
                    if (!median)
                    {
                        TensorPrimitives.Add(sum, target, sum);
                    }
                }

                if (median)
                {
                    MedianAcrossSegments(periodograms, bins, _segments, result);
                }
                else
                {
                    TensorPrimitives.Divide(sum, _segments, result);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(segment);
                ArrayPool<double>.Shared.Return(periodograms);
                ArrayPool<double>.Shared.Return(bin);
            }
        }

        private static void MedianAcrossSegments(double[] periodograms, int bins, int segments, Span<double> result)
        {
            double bias = MedianBias(segments);
            var column = new double[segments];
            for (int k = 0; k < bins; k++)
            {
                for (int s = 0; s < segments; s++)
                {
                    column[s] = periodograms[s * bins + k];
                }

                Array.Sort(column);
                int mid = segments / 2;
                double median = segments % 2 == 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
                result[k] = median / bias;
            }
        }

        // Bias of the median of n χ²₂ periodogram values: 1 + Σ_{i=1}^{(n−1)/2} (1/(2i+1) − 1/(2i)).
        private static double MedianBias(int n)
        {
            double bias = 1;
            for (int i = 1; i <= (n - 1) / 2; i++)
            {
                bias += 1.0 / (2 * i + 1) - 1.0 / (2 * i);
            }

            return bias;
        }
    }
}
