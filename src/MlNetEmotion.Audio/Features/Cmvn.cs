using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Cepstral mean and variance normalisation over the frames of one utterance.</summary>
public static class Cmvn
{
    /// <summary>Subtracts each row's mean over frames and, when <paramref name="normalizeVariance"/> is set, divides by
    /// its population standard deviation (rows with zero deviation are only centred).</summary>
    /// <param name="features"><c>[rows, frames]</c> features.</param>
    /// <param name="normalizeVariance">Also scale to unit variance. Default true.</param>
    /// <returns>A new <c>[rows, frames]</c> matrix.</returns>
    public static Spectrogram Apply(Spectrogram features, bool normalizeVariance = true)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new Spectrogram(features.Rows, features.Frames);
        for (int r = 0; r < features.Rows; r++)
        {
            var row = features.Row(r);
            double mean = 0, square = 0;
            foreach (float v in row) mean += v;
            mean /= Math.Max(1, row.Length);
            foreach (float v in row) square += (v - mean) * (v - mean);
            double std = Math.Sqrt(square / Math.Max(1, row.Length));
            double scale = normalizeVariance && std > 0 ? 1 / std : 1;
            var output = result.Row(r);
            for (int t = 0; t < row.Length; t++) output[t] = (float)((row[t] - mean) * scale);
        }
        return result;
    }
}
