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

    private static double MedianAbsolute(ReadOnlySpan<double> values)
    {
        var sorted = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            sorted[i] = Math.Abs(values[i]);
        }

        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
