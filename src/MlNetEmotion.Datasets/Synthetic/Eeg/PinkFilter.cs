using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Turns white noise into pink (1/f) noise without an FFT: Paul Kellet's "refined" filter (music-dsp mailing list,
/// 1999), six leaky integrators with staggered poles plus a direct and a one-sample-delayed path. Its response follows
/// 1/f within ±0.05 dB from about fs/4800 up to near Nyquist, whatever the sampling rate (the poles are in normalised
/// frequency). The output is scaled so that unit-variance white input gives the one-sided density
/// <c>c / f</c> µV²/Hz for the requested <c>c</c>.
/// </summary>
internal static class PinkFilter
{
    // (pole, gain) of each integrator, then the direct and delayed gains.
    private static readonly (double Pole, double Gain)[] Integrators =
        [(0.99886, 0.0555179), (0.99332, 0.0750759), (0.96900, 0.1538520), (0.86650, 0.3104856), (0.55000, 0.5329522), (-0.7616, -0.0168980)];
    private const double Direct = 0.5362;
    private const double Delayed = 0.115926;

    /// <summary><c>f·|H(f)|²/fs</c>, constant over the 1/f range; evaluated at f = 0.05·fs.</summary>
    private static readonly double Level = NormalisedLevel(0.05);

    /// <summary>Filters channel-major rows in place (row count a multiple of <see cref="ChannelLanes.Width"/>) so that
    /// unit-variance white input becomes pink noise of density <paramref name="densityAtOneHz"/>/f µV²/Hz. The
    /// integrators start in a random stationary state drawn from <paramref name="random"/>, so the slowest components
    /// are present from the first sample.</summary>
    public static void Apply(Span<double> data, int length, double densityAtOneHz, Random random)
    {
        // One-sided density of unit white noise is 2/fs, so the output density is 2|H|²/fs·s² = c/f when s² = c/(2·Level).
        var scale = Vector256.Create(Math.Sqrt(densityAtOneHz / (2 * Level)));
        var (p0, g0) = Coefficients(0); var (p1, g1) = Coefficients(1); var (p2, g2) = Coefficients(2);
        var (p3, g3) = Coefficients(3); var (p4, g4) = Coefficients(4); var (p5, g5) = Coefficients(5);
        var direct = Vector256.Create(Direct);
        var delayed = Vector256.Create(Delayed);
        for (int block = 0; block < data.Length / length; block += ChannelLanes.Width)
        {
            var b0 = Stationary(0, random); var b1 = Stationary(1, random); var b2 = Stationary(2, random);
            var b3 = Stationary(3, random); var b4 = Stationary(4, random); var b5 = Stationary(5, random);
            var b6 = Vector256<double>.Zero;
            ref double first = ref MemoryMarshal.GetReference(data.Slice(block * length));
            for (int n = 0; n < length; n++)
            {
                var w = ChannelLanes.Load(ref first, n, length);
                b0 = p0 * b0 + g0 * w;
                b1 = p1 * b1 + g1 * w;
                b2 = p2 * b2 + g2 * w;
                b3 = p3 * b3 + g3 * w;
                b4 = p4 * b4 + g4 * w;
                b5 = p5 * b5 + g5 * w;
                ChannelLanes.Store(scale * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + direct * w), ref first, n, length);
                b6 = delayed * w;
            }
        }
    }

    private static (Vector256<double> Pole, Vector256<double> Gain) Coefficients(int k) =>
        (Vector256.Create(Integrators[k].Pole), Vector256.Create(Integrators[k].Gain));

    /// <summary>Four draws (one per lane) from the stationary distribution of integrator <paramref name="k"/> under
    /// unit white input.</summary>
    private static Vector256<double> Stationary(int k, Random random)
    {
        var (pole, gain) = Integrators[k];
        double sd = gain / Math.Sqrt(1 - pole * pole);
        return Vector256.Create(sd * Normal(random), sd * Normal(random), sd * Normal(random), sd * Normal(random));
    }

    private static double Normal(Random random) => Corpus.SyntheticTrialPlan.Normal(random);

    /// <summary><c>f·|H(e^{iω})|²/fs</c> at normalised frequency <paramref name="f"/> (cycles per sample).</summary>
    private static double NormalisedLevel(double f)
    {
        var z1 = Complex.FromPolarCoordinates(1, -2 * Math.PI * f); // z⁻¹ on the unit circle
        Complex h = Direct + Delayed * z1;
        foreach (var (pole, gain) in Integrators) h += gain / (1 - pole * z1);
        return f * (h.Magnitude * h.Magnitude);
    }
}
