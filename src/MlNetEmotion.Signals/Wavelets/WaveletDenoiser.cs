namespace MlNetEmotion.Signals.Wavelets;

/// <summary>
/// Wavelet shrinkage denoising (Donoho–Johnstone VisuShrink): decompose with <see cref="Dwt.WaveDec"/>, shrink every
/// detail level with one threshold, keep the approximation, reconstruct with <see cref="Dwt.WaveRec"/> and trim to
/// the input length. Equivalent to the PyWavelets recipe
/// <c>c = wavedec(x); t = σ·√(2 ln n); c[1:] = [threshold(d, t, 'soft') for d in c[1:]]; waverec(c)[:n]</c>.
/// </summary>
public static class WaveletDenoiser
{
    /// <summary>The 0.75 quantile of the standard normal distribution, turning a median absolute value into σ.</summary>
    public const double GaussianMadScale = 0.6745;

    /// <summary>Denoises one signal.</summary>
    /// <param name="x">Signal samples.</param>
    /// <param name="options">Options; null means defaults (db4, deepest level, symmetric, soft, universal threshold).</param>
    /// <returns>The denoised signal, same length as <paramref name="x"/>.</returns>
    /// <exception cref="NonFiniteSampleException">A sample is NaN or infinite.</exception>
    public static double[] Denoise(ReadOnlySpan<double> x, WaveletDenoiseOptions? options = null)
    {
        options ??= new WaveletDenoiseOptions();
        Wavelet wavelet = Wavelet.FromName(options.Wavelet);
        double[][] coefficients = Dwt.WaveDec(x, wavelet, options.Mode, options.Level);
        if (coefficients.Length == 1)
        {
            return x.ToArray();
        }

        double threshold = options.Threshold ?? UniversalThreshold(coefficients[^1], x.Length);
        if (!(threshold >= 0) || !double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(options), threshold, "The wavelet threshold must be a non-negative finite number.");
        }

        for (int level = 1; level < coefficients.Length; level++)
        {
            Shrink(coefficients[level], threshold, options.Function);
        }

        return Dwt.WaveRec(coefficients, wavelet, options.Mode).AsSpan(0, x.Length).ToArray();
    }

    /// <summary>The universal threshold <c>σ·√(2·ln n)</c>, with <c>σ = median(|finestDetail|) / 0.6745</c>.</summary>
    /// <param name="finestDetail">Level-1 detail coefficients.</param>
    /// <param name="signalLength">Length n of the signal.</param>
    public static double UniversalThreshold(ReadOnlySpan<double> finestDetail, int signalLength)
    {
        if (finestDetail.IsEmpty)
        {
            throw new ArgumentException("The finest detail level is empty.", nameof(finestDetail));
        }

        double sigma = MedianAbsolute(finestDetail) / GaussianMadScale;
        return sigma * Math.Sqrt(2.0 * Math.Log(signalLength));
    }

    /// <summary>Shrinks coefficients in place.</summary>
    /// <param name="coefficients">Coefficients to shrink.</param>
    /// <param name="threshold">Non-negative threshold.</param>
    /// <param name="function">Soft or hard shrinkage.</param>
    public static void Shrink(Span<double> coefficients, double threshold, ThresholdFunction function)
    {
        for (int i = 0; i < coefficients.Length; i++)
        {
            double c = coefficients[i];
            double magnitude = Math.Abs(c);
            coefficients[i] = function == ThresholdFunction.Hard
                ? (magnitude < threshold ? 0.0 : c)
                : (magnitude <= threshold ? 0.0 : Math.CopySign(magnitude - threshold, c));
        }
    }

    // Median of |values| by quickselect (linear time; the finest level holds half the signal).
    private static double MedianAbsolute(ReadOnlySpan<double> values)
    {
        var a = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            a[i] = Math.Abs(values[i]);
        }

        int mid = a.Length / 2;
        double upper = Select(a, mid);
        if (a.Length % 2 == 1)
        {
            return upper;
        }

        // After selection everything left of mid is ≤ a[mid]: the lower middle value is their maximum.
        double lower = a[0];
        for (int i = 1; i < mid; i++)
        {
            lower = Math.Max(lower, a[i]);
        }

        return (lower + upper) / 2;
    }

    // Hoare quickselect with a median-of-three pivot: puts the k-th smallest value at a[k], smaller ones before it.
    private static double Select(double[] a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (left < right)
        {
            int middle = left + (right - left) / 2;
            double pivot = MedianOfThree(a[left], a[middle], a[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return a[k];
    }

    private static double MedianOfThree(double x, double y, double z) => Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
}
