using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Delta (time-derivative) features by the regression formula, as <c>torchaudio.functional.compute_deltas</c>:
/// <c>d[t] = Σ_{n=1..N} n·(c[t+n] − c[t−n]) / (2·Σ n²)</c> with <c>N = (width − 1) / 2</c> and the first and last
/// frames repeated at the edges.</summary>
public static class Deltas
{
    /// <summary>Deltas of every row of <paramref name="features"/> along time.</summary>
    /// <param name="features"><c>[rows, frames]</c> features.</param>
    /// <param name="width">Regression window in frames, odd and at least 3 (default 5, i.e. N = 2).</param>
    /// <returns>A <c>[rows, frames]</c> matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The width is below 3.</exception>
    public static Spectrogram Compute(Spectrogram features, int width = 5)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (width < 3) throw new ArgumentOutOfRangeException(nameof(width), width, "The delta window must be at least 3 frames.");
        int n = (width - 1) / 2, frames = features.Frames;
        double denominator = n * (n + 1) * (2 * n + 1) / 3.0;
        var result = new Spectrogram(features.Rows, frames);
        for (int r = 0; r < features.Rows; r++)
        {
            var row = features.Row(r);
            var output = result.Row(r);
            for (int t = 0; t < frames; t++)
            {
                double sum = 0;
                for (int k = 1; k <= n; k++)
                    sum += k * ((double)row[Math.Min(t + k, frames - 1)] - row[Math.Max(t - k, 0)]);
                output[t] = (float)(sum / denominator);
            }
        }
        return result;
    }
}
