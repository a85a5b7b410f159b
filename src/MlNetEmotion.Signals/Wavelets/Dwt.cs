using System.Runtime.Intrinsics;

namespace MlNetEmotion.Signals.Wavelets;

/// <summary>
/// Single- and multilevel discrete wavelet transforms matching PyWavelets (<c>dwt</c>, <c>idwt</c>,
/// <c>wavedec</c>, <c>waverec</c>, <c>dwt_max_level</c>, <c>dwt_coeff_len</c>) in the
/// <see cref="WaveletMode.Symmetric"/> and <see cref="WaveletMode.Periodization"/> modes.
/// </summary>
public static class Dwt
{
    /// <summary>Deepest useful decomposition level, <c>⌊log2(dataLength / (filterLength − 1))⌋</c> (0 when the signal is shorter than the filter).</summary>
    /// <param name="dataLength">Signal length.</param>
    /// <param name="filterLength">Wavelet filter length.</param>
    public static int MaxLevel(int dataLength, int filterLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        if (filterLength <= 1 || dataLength < filterLength - 1)
        {
            return 0;
        }

        return (int)Math.Log2(dataLength / (filterLength - 1));
    }

    /// <summary>Deepest useful decomposition level of a signal for <paramref name="wavelet"/>.</summary>
    /// <param name="dataLength">Signal length.</param>
    /// <param name="wavelet">The wavelet.</param>
    public static int MaxLevel(int dataLength, Wavelet wavelet) => MaxLevel(dataLength, wavelet.FilterLength);

    /// <summary>Number of approximation (and detail) coefficients one level produces (<c>pywt.dwt_coeff_len</c>).</summary>
    /// <param name="dataLength">Signal length.</param>
    /// <param name="filterLength">Wavelet filter length.</param>
    /// <param name="mode">Extension mode.</param>
    public static int CoefficientLength(int dataLength, int filterLength, WaveletMode mode) =>
        mode == WaveletMode.Periodization ? (dataLength + 1) / 2 : (dataLength + filterLength - 1) / 2;

    /// <summary>One decomposition level (<c>pywt.dwt</c>).</summary>
    /// <param name="x">Signal, at least one sample.</param>
    /// <param name="wavelet">The wavelet.</param>
    /// <param name="mode">Extension mode.</param>
    /// <returns>Approximation and detail coefficients.</returns>
    /// <exception cref="NonFiniteSampleException">A sample is NaN or infinite.</exception>
    public static (double[] Approximation, double[] Detail) Decompose(ReadOnlySpan<double> x, Wavelet wavelet, WaveletMode mode = WaveletMode.Symmetric)
    {
        ArgumentNullException.ThrowIfNull(wavelet);
        SampleGuard.EnsureFinite(x, nameof(x));
        if (x.IsEmpty)
        {
            throw new ArgumentException("The signal must have at least one sample.", nameof(x));
        }

        return DecomposeUnchecked(x, wavelet, mode);
    }

    /// <summary>One reconstruction level (<c>pywt.idwt</c>).</summary>
    /// <param name="approximation">Approximation coefficients.</param>
    /// <param name="detail">Detail coefficients, same length.</param>
    /// <param name="wavelet">The wavelet.</param>
    /// <param name="mode">Extension mode used for the decomposition.</param>
    /// <returns><c>2·n − F + 2</c> samples (symmetric) or <c>2·n</c> samples (periodization).</returns>
    public static double[] Reconstruct(ReadOnlySpan<double> approximation, ReadOnlySpan<double> detail, Wavelet wavelet, WaveletMode mode = WaveletMode.Symmetric)
    {
        ArgumentNullException.ThrowIfNull(wavelet);
        if (approximation.Length != detail.Length)
        {
            throw new ArgumentException($"Approximation ({approximation.Length}) and detail ({detail.Length}) coefficients must have the same length.", nameof(detail));
        }

        SampleGuard.EnsureFinite(approximation, nameof(approximation));
        SampleGuard.EnsureFinite(detail, nameof(detail));
        return mode == WaveletMode.Periodization
            ? ReconstructPeriodization(approximation, detail, wavelet)
            : ReconstructSymmetric(approximation, detail, wavelet);
    }

    /// <summary>Multilevel decomposition (<c>pywt.wavedec</c>).</summary>
    /// <param name="x">Signal, at least one sample.</param>
    /// <param name="wavelet">The wavelet.</param>
    /// <param name="mode">Extension mode.</param>
    /// <param name="level">Number of levels; null means <see cref="MaxLevel(int, Wavelet)"/>. Deeper levels are allowed, as in PyWavelets.</param>
    /// <returns><c>[cA_level, cD_level, …, cD_1]</c>.</returns>
    public static double[][] WaveDec(ReadOnlySpan<double> x, Wavelet wavelet, WaveletMode mode = WaveletMode.Symmetric, int? level = null)
    {
        ArgumentNullException.ThrowIfNull(wavelet);
        SampleGuard.EnsureFinite(x, nameof(x));
        if (x.IsEmpty)
        {
            throw new ArgumentException("The signal must have at least one sample.", nameof(x));
        }

        int levels = level ?? MaxLevel(x.Length, wavelet);
        if (levels < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The decomposition level must not be negative.");
        }

        var result = new double[levels + 1][];
        double[] approximation = x.ToArray();
        for (int i = 0; i < levels; i++)
        {
            (approximation, result[levels - i]) = DecomposeUnchecked(approximation, wavelet, mode);
        }

        result[0] = approximation;
        return result;
    }

    /// <summary>Multilevel reconstruction (<c>pywt.waverec</c>); an approximation one longer than the next detail is trimmed, as in PyWavelets.</summary>
    /// <param name="coefficients"><c>[cA_level, cD_level, …, cD_1]</c>.</param>
    /// <param name="wavelet">The wavelet.</param>
    /// <param name="mode">Extension mode used for the decomposition.</param>
    /// <returns>The signal (one sample longer than the original for odd lengths, as in PyWavelets).</returns>
    public static double[] WaveRec(IReadOnlyList<double[]> coefficients, Wavelet wavelet, WaveletMode mode = WaveletMode.Symmetric)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count == 0)
        {
            throw new ArgumentException("At least one coefficient array is needed.", nameof(coefficients));
        }

        double[] approximation = coefficients[0];
        for (int i = 1; i < coefficients.Count; i++)
        {
            double[] detail = coefficients[i];
            int length = approximation.Length;
            if (length == detail.Length + 1)
            {
                length = detail.Length;
            }
            else if (length != detail.Length)
            {
                throw new ArgumentException($"Coefficient level {i} has {detail.Length} values but the approximation has {approximation.Length}.", nameof(coefficients));
            }

            approximation = Reconstruct(approximation.AsSpan(0, length), detail, wavelet, mode);
        }

        return approximation;
    }

    private static (double[] Approximation, double[] Detail) DecomposeUnchecked(ReadOnlySpan<double> x, Wavelet wavelet, WaveletMode mode)
    {
        int f = wavelet.FilterLength;
        int count = CoefficientLength(x.Length, f, mode);
        var approximation = new double[count];
        var detail = new double[count];
        // Output o is Σⱼ h[j]·x̃[start + 2o − j] with x̃ the extended signal.
        int start = mode == WaveletMode.Periodization ? f / 2 : 1;
        Span<double> reversedLo = stackalloc double[f];
        Span<double> reversedHi = stackalloc double[f];
        for (int j = 0; j < f; j++)
        {
            reversedLo[f - 1 - j] = wavelet.DecompositionLowPass[j];
            reversedHi[f - 1 - j] = wavelet.DecompositionHighPass[j];
        }

        Span<double> window = stackalloc double[f];
        for (int o = 0; o < count; o++)
        {
            int newest = start + 2 * o;
            int oldest = newest - f + 1;
            scoped ReadOnlySpan<double> segment;
            if (oldest >= 0 && newest < x.Length)
            {
                segment = x.Slice(oldest, f);
            }
            else
            {
                for (int j = 0; j < f; j++)
                {
                    window[j] = x[ExtendedIndex(oldest + j, x.Length, mode)];
                }

                segment = window;
            }

            (approximation[o], detail[o]) = DotPair(segment, reversedLo, reversedHi);
        }

        return (approximation, detail);
    }

    // Index into x of position i of the infinitely extended signal.
    private static int ExtendedIndex(int i, int n, WaveletMode mode)
    {
        if (mode == WaveletMode.Periodization)
        {
            // Odd lengths are padded with a copy of the last sample, then repeated periodically.
            int period = n + (n & 1);
            int r = ((i % period) + period) % period;
            return Math.Min(r, n - 1);
        }

        int twice = 2 * n;
        int m = ((i % twice) + twice) % twice;
        return m < n ? m : twice - 1 - m;
    }

    // x[n] = Σₖ cA[k]·rec_lo[n + F − 2 − 2k] + cD[k]·rec_hi[n + F − 2 − 2k]: the "valid" part of the full
    // convolution of the upsampled coefficients, starting at F − 2.
    private static double[] ReconstructSymmetric(ReadOnlySpan<double> approximation, ReadOnlySpan<double> detail, Wavelet wavelet)
    {
        int f = wavelet.FilterLength;
        int n = approximation.Length;
        int outputLength = 2 * n - f + 2;
        if (outputLength < 1)
        {
            throw new ArgumentException($"{n} coefficients are too few to reconstruct with the {f}-tap wavelet '{wavelet.Name}' in symmetric mode.", nameof(approximation));
        }

        double[] full = ScatterUpsampled(approximation, detail, wavelet, 2 * n + f);
        return full.AsSpan(f - 2, outputLength).ToArray();
    }

    // The transpose of the periodized analysis: the full upsampled convolution folded onto a period of 2n.
    private static double[] ReconstructPeriodization(ReadOnlySpan<double> approximation, ReadOnlySpan<double> detail, Wavelet wavelet)
    {
        int f = wavelet.FilterLength;
        int period = 2 * approximation.Length;
        double[] full = ScatterUpsampled(approximation, detail, wavelet, period + f);
        // Full index s holds output position s + 1 − F/2 (mod period).
        var x = new double[period];
        for (int s = 0; s < full.Length; s++)
        {
            int position = ((s + 1 - f / 2) % period + period) % period;
            x[position] += full[s];
        }

        return x;
    }

    // full[2k + j] += cA[k]·rec_lo[j] + cD[k]·rec_hi[j].
    private static double[] ScatterUpsampled(ReadOnlySpan<double> approximation, ReadOnlySpan<double> detail, Wavelet wavelet, int length)
    {
        int f = wavelet.FilterLength;
        double[] recLo = [.. wavelet.ReconstructionLowPass];
        double[] recHi = [.. wavelet.ReconstructionHighPass];
        var full = new double[length];
        for (int k = 0; k < approximation.Length; k++)
        {
            AddScaledPair(full.AsSpan(2 * k, f), recLo, approximation[k], recHi, detail[k]);
        }

        return full;
    }

    // (Σ s[j]·lo[j], Σ s[j]·hi[j]) in one pass; the filters are short, so this avoids per-call overhead.
    private static (double Lo, double Hi) DotPair(ReadOnlySpan<double> s, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi)
    {
        int j = 0;
        double a = 0, d = 0;
        if (Vector256.IsHardwareAccelerated && s.Length >= Vector256<double>.Count)
        {
            Vector256<double> va = Vector256<double>.Zero, vd = Vector256<double>.Zero;
            for (; j <= s.Length - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Vector256<double> v = Vector256.Create(s.Slice(j, Vector256<double>.Count));
                va += v * Vector256.Create(lo.Slice(j, Vector256<double>.Count));
                vd += v * Vector256.Create(hi.Slice(j, Vector256<double>.Count));
            }

            a = Vector256.Sum(va);
            d = Vector256.Sum(vd);
        }

        for (; j < s.Length; j++)
        {
            a += s[j] * lo[j];
            d += s[j] * hi[j];
        }

        return (a, d);
    }

    // target[j] += lo[j]·a + hi[j]·d.
    private static void AddScaledPair(Span<double> target, ReadOnlySpan<double> lo, double a, ReadOnlySpan<double> hi, double d)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> va = Vector256.Create(a), vd = Vector256.Create(d);
            for (; j <= target.Length - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Span<double> t = target.Slice(j, Vector256<double>.Count);
                (Vector256.Create((ReadOnlySpan<double>)t) + (Vector256.Create(lo.Slice(j, Vector256<double>.Count)) * va) + (Vector256.Create(hi.Slice(j, Vector256<double>.Count)) * vd)).CopyTo(t);
            }
        }

        for (; j < target.Length; j++)
        {
            target[j] += lo[j] * a + hi[j] * d;
        }
    }
}
