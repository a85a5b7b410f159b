namespace MlNetEmotion.Signals.Fourier;

/// <summary>Builds analysis windows, periodic or symmetric, with the same values as PyTorch and Kaldi.</summary>
/// <remarks>A symmetric window of length <c>L</c> uses <c>N = L − 1</c> in its cosine terms and is symmetric about
/// its centre (what Kaldi and filter design use); a periodic window uses <c>N = L</c>, i.e. the symmetric window of
/// length <c>L + 1</c> without its last sample (PyTorch's default, right for spectral analysis). A window of length
/// 1 is <c>[1]</c>.</remarks>
public static class Windows
{
    /// <summary>Creates a window.</summary>
    /// <param name="kind">Window shape.</param>
    /// <param name="length">Number of samples, at least 1.</param>
    /// <param name="periodic">True for a periodic (DFT-even) window, false for a symmetric one.</param>
    /// <returns>The window samples.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The length is below 1 or the kind is unknown.</exception>
    public static double[] Create(WindowKind kind, int length, bool periodic = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var w = new double[length];
        if (length == 1 || kind == WindowKind.Rectangular)
        {
            Array.Fill(w, 1.0);
            return w;
        }
        double denominator = periodic ? length : length - 1;
        for (int n = 0; n < length; n++)
        {
            double x = 2 * Math.PI * n / denominator;
            w[n] = kind switch
            {
                WindowKind.Hann => 0.5 - 0.5 * Math.Cos(x),
                WindowKind.Hamming => 0.54 - 0.46 * Math.Cos(x),
                WindowKind.Blackman => 0.42 - 0.5 * Math.Cos(x) + 0.08 * Math.Cos(2 * x),
                WindowKind.Povey => Math.Pow(0.5 - 0.5 * Math.Cos(x), 0.85),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown window kind."),
            };
        }
        return w;
    }
}
