using System.Numerics.Tensors;
using MlNetEmotion.Eeg;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Eye blinks: at random times (Poisson at the given rate, none overlapping), a positive deflection of 80–200 µV at
/// Fp1/Fp2 lasting 0.25–0.45 s, rising over its first 35 % and decaying over the rest (half-cosine flanks), and reaching
/// other channels scaled by <see cref="SyntheticHead.BlinkWeights"/> (falling by e every 3 cm further from the eyes).
/// Each blink is annotated <c>Blink</c>.
/// </summary>
internal static class EyeBlinks
{
    private const double RiseFraction = 0.35;

    public static void Add(double[][] x, SyntheticHead head, double perMinute, Random random, List<EegAnnotation> annotations)
    {
        if (perMinute == 0) return;
        double fs = head.SamplingRate;
        int n = x[0].Length;
        var shape = new double[(int)Math.Ceiling(0.45 * fs) + 1];
        for (double t = Waiting(random, perMinute); t * fs < n; t += Waiting(random, perMinute))
        {
            double duration = 0.25 + 0.2 * random.NextDouble();
            double amplitude = 80 + 120 * random.NextDouble();
            int start = (int)(t * fs), full = Math.Max(2, (int)Math.Round(duration * fs)), length = Math.Min(full, n - start);
            for (int i = 0; i < length; i++)
            {
                double u = (double)i / full;
                shape[i] = u < RiseFraction ? 0.5 - 0.5 * Math.Cos(Math.PI * u / RiseFraction) : 0.5 + 0.5 * Math.Cos(Math.PI * (u - RiseFraction) / (1 - RiseFraction));
            }
            for (int c = 0; c < x.Length; c++)
            {
                double weight = head.BlinkWeights[c];
                if (weight < 0.01) continue;
                var target = x[c].AsSpan(start, length);
                TensorPrimitives.MultiplyAdd(shape.AsSpan(0, length), amplitude * weight, target, target);
            }
            annotations.Add(new EegAnnotation(start / fs, length / fs, "Blink"));
            t += duration;
        }
    }

    /// <summary>Exponential waiting time in seconds for a Poisson process of <paramref name="perMinute"/> events a minute.</summary>
    internal static double Waiting(Random random, double perMinute) => -Math.Log(1 - random.NextDouble()) * 60 / perMinute;
}
