using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Signals.Tests.Filters;

/// <summary>Zero-phase filtering leaves a pass-band sinusoid where it was; causal filtering does not.</summary>
public class ZeroPhasePropertyTests
{
    private const double Fs = 128;
    private static readonly SecondOrderSections BandPass = Butterworth.BandPass(4, 4, 45, Fs);

    private static Arbitrary<(double Frequency, double Phase, double Amplitude)> Sinusoids() =>
        (from f in Gen.Choose(800, 3500)
         from phase in Gen.Choose(0, 6283)
         from amplitude in Gen.Choose(1, 200)
         select (f / 100.0, phase / 1000.0, (double)amplitude)).ToArbitrary();

    // Least-squares phase of y relative to the sinusoid of frequency f, over the middle half of the signal.
    private static double PhaseShift(double[] x, double[] y, double f)
    {
        double Fit(double[] s, Func<double, double> basis)
        {
            double sum = 0;
            for (int i = s.Length / 4; i < 3 * s.Length / 4; i++)
            {
                sum += s[i] * basis(2 * Math.PI * f * i / Fs);
            }

            return sum;
        }

        double Angle(double[] s) => Math.Atan2(Fit(s, Math.Cos), Fit(s, Math.Sin));
        double d = Angle(y) - Angle(x);
        return Math.Atan2(Math.Sin(d), Math.Cos(d));
    }

    private static double[] Sinusoid((double Frequency, double Phase, double Amplitude) s) =>
        Enumerable.Range(0, 1280).Select(i => s.Amplitude * Math.Sin(2 * Math.PI * s.Frequency * i / Fs + s.Phase)).ToArray();

    [Fact]
    public void SosFiltFiltHasNoLagInThePassBand() =>
        Prop.ForAll(Sinusoids(), s =>
        {
            double[] x = Sinusoid(s);
            return Math.Abs(PhaseShift(x, SosFilter.SosFiltFilt(BandPass, x), s.Frequency)) < 1e-4;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CausalSosFiltDoesLag()
    {
        // Control for the property above: the same phase estimate does see the causal filter's delay.
        double[] x = Sinusoid((10.0, 0.3, 50.0));
        Assert.True(Math.Abs(PhaseShift(x, SosFilter.SosFilt(BandPass, x), 10.0)) > 0.1);
    }
}
