using System.Numerics.Tensors;

namespace MlNetEmotion.Eeg.Features;

/// <summary>
/// Differential entropy of a Gaussian signal, 0.5·ln(2πe·σ²), with σ² the (population) variance of the
/// band-passed signal in each window. Band-passing is zero-phase Butterworth over the whole signal.
/// TorchEEG reports the same quantity in bits (log base 2): see <see cref="DifferentialEntropyOptions.Base2"/>.
/// </summary>
public static class DifferentialEntropy
{
    /// <summary>Differential entropy of a Gaussian with variance <paramref name="variance"/>, in nats (or bits).</summary>
    /// <param name="variance">σ², non-negative.</param>
    /// <param name="base2">True for bits.</param>
    public static double OfVariance(double variance, bool base2 = false)
    {
        double nats = 0.5 * Math.Log(2 * Math.PI * Math.E * variance);
        return base2 ? nats / Math.Log(2) : nats;
    }

    /// <summary>Computes differential entropy per window, channel and band.</summary>
    /// <param name="channels">One sample array per channel, all the same length.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="windows">The analysis windows.</param>
    /// <param name="options">Options, or null for defaults.</param>
    /// <returns>[windows, channels, bands].</returns>
    public static BandFeatures Compute(IReadOnlyList<double[]> channels, double samplingRate, FrameWindows windows, DifferentialEntropyOptions? options = null)
    {
        options ??= new DifferentialEntropyOptions();
        ArgumentNullException.ThrowIfNull(channels);
        var bands = options.Bands;
        foreach (var band in bands) band.EnsureBelowNyquist(samplingRate, "every channel");
        var filtered = BandFilterBank.Filter(channels, samplingRate, bands, options.FilterOrder, options.MaxDegreeOfParallelism);
        int nb = bands.Count, nc = channels.Count;
        var values = new double[windows.Count * nc * nb];
        Parallel.For(0, nc, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, c =>
        {
            for (int w = 0; w < windows.Count; w++)
                for (int b = 0; b < nb; b++)
                {
                    var window = filtered[b][c].AsSpan(windows.Start(w), windows.Length);
                    double mean = TensorPrimitives.Sum(window) / window.Length;
                    double meanSquare = TensorPrimitives.SumOfSquares(window) / window.Length;
                    values[(w * nc + c) * nb + b] = OfVariance(Math.Max(meanSquare - mean * mean, 0), options.Base2);
                }
        });
        return new BandFeatures(values, windows.Count, nc, bands);
    }
}
