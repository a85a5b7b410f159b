using System.Numerics.Tensors;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>Power-line interference: one sinusoid at the line frequency with a random phase, on every channel with
/// 0.5–1.5 times the mean amplitude.</summary>
internal static class LineNoise
{
    public static void Add(double[][] x, double fs, double amplitude, double frequency, Random random)
    {
        if (amplitude == 0) return;
        double phase = 2 * Math.PI * random.NextDouble();
        var wave = new double[x[0].Length];
        for (int i = 0; i < wave.Length; i++) wave[i] = Math.Sin(2 * Math.PI * frequency * i / fs + phase);
        foreach (var channel in x)
            TensorPrimitives.MultiplyAdd(wave, amplitude * (0.5 + random.NextDouble()), channel, channel);
    }
}
