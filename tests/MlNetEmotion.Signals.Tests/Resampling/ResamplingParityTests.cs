using Xunit.Abstractions;
using MlNetEmotion.Signals.Resampling;
using MlNetEmotion.Signals.Tests.Support;

namespace MlNetEmotion.Signals.Tests.Resampling;

/// <summary>resample_poly, firwin, kaiser and upfirdn against SciPy 1.10 on real EEG (160 Hz).</summary>
public class ResamplingParityTests(ITestOutputHelper output)
{
    private static readonly Fixture Data = Fixture.Load("resample");

    [Theory]
    [InlineData(4, 5)]
    [InlineData(8, 5)]
    [InlineData(5, 8)]
    [InlineData(3, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(147, 160)]
    public void ResamplePolyMatchesScipy(int up, int down)
    {
        var resampler = new PolyphaseResampler(up, down);
        for (int ch = 0; ch < Data.Rows("eeg"); ch++)
        {
            Report(Parity.AssertClose(Data.Row($"resample_{up}_{down}", ch), resampler.Resample(Data.Row("eeg", ch)), what: $"{up}/{down} ch{ch}"));
        }
    }

    [Fact]
    public void ResamplePolyHonoursKaiserBeta() =>
        Report(Parity.AssertClose(Data.Vector("resample_4_5_beta8"), PolyphaseResampler.ResamplePoly(Data.Row("eeg", 0), 4, 5, kaiserBeta: 8.0)));

    [Fact]
    public void FirwinAndKaiserMatchScipy()
    {
        Report(Parity.AssertClose(Data.Vector("kaiser_31_5"), KaiserWindow.Symmetric(31, 5.0), 1e-12));
        Report(Parity.AssertClose(Data.Vector("firwin_41_0p25_kaiser5"), FirDesign.FirwinLowPass(41, 0.25, 5.0), 1e-12));
        Report(Parity.AssertClose(Data.Vector("firwin_81_0p125_kaiser5"), FirDesign.FirwinLowPass(81, 0.125, 5.0), 1e-12));
    }

    [Fact]
    public void UpfirdnMatchesScipy() =>
        Report(Parity.AssertClose(Data.Vector("upfirdn_3_2"), Upfirdn.Apply(Data.Vector("upfirdn_h"), Data.Row("eeg", 0), 3, 2)));

    [Fact]
    public void EqualRatesReduceToACopy()
    {
        double[] x = Data.Row("eeg", 0);
        var resampler = new PolyphaseResampler(6, 6);
        Assert.Equal((1, 1), (resampler.Up, resampler.Down));
        Assert.Equal(x, resampler.Resample(x));
    }

    [Fact]
    public void RejectsBadFactorsAndNonFiniteSamples()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(2, -1));
        double[] x = Data.Row("eeg", 0);
        x[17] = double.NaN;
        var e = Assert.Throws<NonFiniteSampleException>(() => PolyphaseResampler.ResamplePoly(x, 4, 5));
        Assert.Equal(17, e.Index);
    }

    private void Report(double worst) => output.WriteLine($"max |error| / max |reference| = {worst:E2}");
}
