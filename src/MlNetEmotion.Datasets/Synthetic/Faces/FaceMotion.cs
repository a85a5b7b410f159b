using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>A trial's slow head drift: each of x, y, log-scale and roll is a sum of two sinusoids with random
/// frequencies (0.04..0.3 Hz) and phases, so the head sways and bobs over several seconds without ever jumping.</summary>
internal sealed class FaceMotion
{
    private readonly (double Amplitude, double Omega, double Phase)[] _waves = new (double, double, double)[8];

    /// <summary>Draws the waves; amplitudes are given per degree of freedom (pixels, log units, degrees).</summary>
    public FaceMotion(Generator g, double xAmplitude, double yAmplitude, double scaleAmplitude, double rollAmplitude)
    {
        ReadOnlySpan<double> amplitudes = [xAmplitude, yAmplitude, scaleAmplitude, rollAmplitude];
        for (int i = 0; i < _waves.Length; i++)
            _waves[i] = (amplitudes[i / 2] * (0.4 + 0.6 * g.NextDouble()), 2 * Math.PI * (0.04 + 0.26 * g.NextDouble()), 2 * Math.PI * g.NextDouble());
    }

    /// <summary>The (x, y, log-scale, roll) offsets at time <paramref name="t"/> in seconds.</summary>
    public (double X, double Y, double LogScale, double Roll) At(double t)
    {
        Span<double> d = stackalloc double[4];
        for (int i = 0; i < _waves.Length; i++)
            d[i / 2] += _waves[i].Amplitude * Math.Sin(_waves[i].Omega * t + _waves[i].Phase);
        return (d[0], d[1], d[2], d[3]);
    }
}
