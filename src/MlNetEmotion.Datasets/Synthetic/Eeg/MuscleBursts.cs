using System.Numerics.Tensors;
using MlNetEmotion.Eeg;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Muscle (temporalis) bursts: at random times (Poisson at the given rate), 0.3–1.5 s of broadband 20–60 Hz activity
/// under a Hann envelope, 5–20 µV RMS at its peak on T7 (left, 40 %), T8 (right, 40 %) or both (20 %), reaching other
/// channels scaled by <see cref="SyntheticHead.MuscleWeights"/> (falling by e every 4 cm). Each burst is annotated
/// <c>Muscle</c>.
/// </summary>
internal static class MuscleBursts
{
    public static void Add(double[][] x, SyntheticHead head, double perMinute, Random random, List<EegAnnotation> annotations)
    {
        if (perMinute == 0) return;
        double fs = head.SamplingRate;
        int n = x[0].Length;
        var noise = new UniformNoise(random);
        var burst = new double[(int)Math.Ceiling(1.5 * fs) + 1];
        var weights = new double[x.Length];
        for (double t = EyeBlinks.Waiting(random, perMinute); t * fs < n; t += EyeBlinks.Waiting(random, perMinute))
        {
            double duration = 0.3 + 1.2 * random.NextDouble();
            double rms = 5 + 15 * random.NextDouble();
            double side = random.NextDouble();
            int start = (int)(t * fs), full = Math.Max(2, (int)Math.Round(duration * fs)), length = Math.Min(full, n - start);
            var signal = burst.AsSpan(0, full);
            noise.Fill(signal);
            SosFilter.SosFilt(head.MuscleFilter, signal, signal);
            // Unit RMS before the envelope, so that the peak RMS is the drawn one.
            TensorPrimitives.Multiply(signal, rms / Math.Sqrt(TensorPrimitives.SumOfSquares(signal) / full), signal);
            for (int i = 0; i < full; i++) signal[i] *= Math.Pow(Math.Sin(Math.PI * i / (full - 1)), 2);
            weights.AsSpan().Clear();
            if (side < 0.6) TensorPrimitives.Add(weights, head.MuscleWeights[0], weights);
            if (side >= 0.4) TensorPrimitives.Add(weights, head.MuscleWeights[1], weights);
            for (int c = 0; c < x.Length; c++)
            {
                if (weights[c] < 0.01) continue;
                var target = x[c].AsSpan(start, length);
                TensorPrimitives.MultiplyAdd(signal[..length], weights[c], target, target);
            }
            annotations.Add(new EegAnnotation(start / fs, length / fs, "Muscle"));
            t += duration;
        }
    }
}
