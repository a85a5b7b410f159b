using System.Numerics.Tensors;
using MlNetEmotion.Datasets.Synthetic.Corpus;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Slow electrode drift: per channel a random walk with knots every 2 s (start and steps N(0, step²) µV), joined by
/// half-cosine ramps so that the drift is smooth and its power stays below about 0.5 Hz.
/// </summary>
internal static class SlowDrift
{
    private const double KnotSeconds = 2;

    public static void Add(double[][] x, double fs, double step, Random random)
    {
        if (step == 0) return;
        int knot = (int)Math.Round(KnotSeconds * fs);
        var ramp = new double[knot];
        for (int i = 0; i < knot; i++) ramp[i] = 0.5 - 0.5 * Math.Cos(Math.PI * i / knot);
        foreach (var channel in x)
        {
            double level = step * SyntheticTrialPlan.Normal(random);
            for (int start = 0; start < channel.Length; start += knot)
            {
                double next = level + step * SyntheticTrialPlan.Normal(random);
                var segment = channel.AsSpan(start, Math.Min(knot, channel.Length - start));
                TensorPrimitives.MultiplyAdd(ramp.AsSpan(0, segment.Length), next - level, segment, segment);
                TensorPrimitives.Add(segment, level, segment);
                level = next;
            }
        }
    }
}
