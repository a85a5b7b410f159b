using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Datasets.Synthetic.Voice;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Voice;

/// <summary>The resonator and the noise source against their definitions.</summary>
public sealed class VoiceBuildingBlockTests
{
    private static readonly Gen<(double Hz, double Bandwidth)> Resonances =
        from hz in Gen.Choose(100, 7000)
        from bandwidth in Gen.Choose(40, 2000)
        select ((double)hz, (double)bandwidth);

    /// <summary>Klatt's A = 1 − B − C: the impulse response sums to 1 (unit gain at 0 Hz) for any frequency and bandwidth.</summary>
    [Fact]
    public void ACascadeResonatorHasUnitGainAtZeroHertz()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), Prop.ForAll(Resonances.ToArbitrary(), r =>
        {
            var resonator = new FormantResonator(r.Bandwidth, 16000);
            resonator.Tune(r.Hz);
            var response = new double[16000];
            response[0] = 1;
            resonator.Process(response);
            return Math.Abs(response.Sum() - 1) < 1e-6;
        }));
    }

    /// <summary>The band-pass tuning passes a sinusoid at its centre frequency with amplitude 1 once settled (amplitude by
    /// quadrature over the second of two seconds: a whole number of periods for whole-hertz frequencies).</summary>
    [Fact]
    public void ABandPassResonatorHasUnitGainAtItsCentre()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), Prop.ForAll(Resonances.ToArbitrary(), r =>
        {
            var resonator = new FormantResonator(r.Bandwidth, 16000);
            resonator.TuneBandPass(r.Hz);
            var x = Enumerable.Range(0, 32000).Select(i => Math.Sin(2 * Math.PI * r.Hz * i / 16000)).ToArray();
            resonator.Process(x);
            double inPhase = 0, quadrature = 0;
            for (int i = 16000; i < 32000; i++)
            {
                inPhase += x[i] * Math.Sin(2 * Math.PI * r.Hz * i / 16000) / 8000;
                quadrature += x[i] * Math.Cos(2 * Math.PI * r.Hz * i / 16000) / 8000;
            }
            return Math.Abs(Math.Sqrt(inPhase * inPhase + quadrature * quadrature) - 1) < 1e-6;
        }));
    }

    [Fact]
    public void NoiseIsStandardNormalAndReproducible()
    {
        var a = new float[200_001]; // odd: the last sample takes the scalar path
        var b = new float[200_001];
        GaussianNoise.Fill(new Generator(3), a);
        GaussianNoise.Fill(new Generator(3), b);
        Assert.Equal(a, b);
        double mean = a.Average(x => (double)x), variance = a.Average(x => (x - mean) * (x - mean));
        double kurtosis = a.Average(x => Math.Pow(x - mean, 4)) / (variance * variance);
        // Standard errors for n = 200 001: mean 0.0022, variance 0.0032, kurtosis 0.011.
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.985, 1.015);
        Assert.InRange(kurtosis, 2.95, 3.05);
        Assert.True(Math.Abs(a[^1]) > 0, "the odd tail sample was filled");
    }
}
