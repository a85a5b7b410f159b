using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Eeg.Tests.Features;

public class BandPowerTests
{
    private static readonly FrameWindows OneSecond = new(9760, FeatureFixture.Rate, 1.0);

    [Theory]
    [InlineData(BandPowerScale.Absolute, "welch_abs_1s.npy")]
    [InlineData(BandPowerScale.Relative, "welch_rel_1s.npy")]
    [InlineData(BandPowerScale.Log, "welch_log_1s.npy")]
    public void WelchBandPowerMatchesScipy(BandPowerScale scale, string fixture)
    {
        var expected = FeatureFixture.Load(fixture);
        var actual = BandPower.Compute(FeatureFixture.Channels, FeatureFixture.Rate, OneSecond, new BandPowerOptions { Scale = scale });
        Assert.Equal(expected.Shape, [actual.Windows, actual.Channels, actual.Bands.Count]);
        FeatureFixture.AssertClose(expected.As<double>(), actual.Values, 1e-9, 1e-12);
    }

    [Fact]
    public void FilterBankPowerAt8FpsWithOverlapMatchesScipy()
    {
        var expected = FeatureFixture.Load("filterbank_abs_8fps.npy");
        var windows = FrameWindows.ForFrameRate(9760, FeatureFixture.Rate, 8, overlap: 0.5);
        Assert.Equal(20, windows.Length);
        var actual = BandPower.Compute(FeatureFixture.Channels, FeatureFixture.Rate, windows, new BandPowerOptions { Method = BandPowerMethod.FilterBank });
        Assert.Equal(expected.Shape[0], (actual.Windows + 4) / 5);
        var picked = Enumerable.Range(0, expected.Shape[0]).SelectMany(k => actual.Values.AsSpan(k * 5 * 32, 32).ToArray()).ToArray();
        FeatureFixture.AssertClose(expected.As<double>(), picked, 1e-8, 1e-10);
    }

    [Fact]
    public void DifferentialEntropyMatchesScipyAndBase2IsLog2()
    {
        var expected = FeatureFixture.Load("de_8fps.npy");
        var windows = FrameWindows.ForFrameRate(9760, FeatureFixture.Rate, 8, overlap: 0.5);
        var actual = DifferentialEntropy.Compute(FeatureFixture.Channels, FeatureFixture.Rate, windows);
        var picked = Enumerable.Range(0, expected.Shape[0]).SelectMany(k => actual.Values.AsSpan(k * 5 * 32, 32).ToArray()).ToArray();
        FeatureFixture.AssertClose(expected.As<double>(), picked, 1e-8, 1e-9);

        var bits = DifferentialEntropy.Compute(FeatureFixture.Channels, FeatureFixture.Rate, windows, new DifferentialEntropyOptions { Base2 = true });
        Assert.Equal(actual.Values[7] / Math.Log(2), bits.Values[7], 1e-12);
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E * 4.0), DifferentialEntropy.OfVariance(4.0), 15);
    }

    [Fact]
    public void FrontalAlphaAsymmetryMatchesScipy()
    {
        var expected = FeatureFixture.Load("faa_1s.npy");
        var power = BandPower.Compute(FeatureFixture.Channels, FeatureFixture.Rate, OneSecond);
        var faa = FrontalAlphaAsymmetry.Compute(power, FeatureFixture.Names);
        FeatureFixture.AssertClose(expected.As<double>(), faa, 1e-9, 1e-12);
        var error = Assert.Throws<MlNetEmotion.Eeg.Montages.UnknownChannelException>(
            () => FrontalAlphaAsymmetry.Compute(power, FeatureFixture.Names, [("F8", "F7")]));
        Assert.Contains("'F8'", error.Message);
    }

    [Fact]
    public void RelativePowersSumToOne()
    {
        var relative = BandPower.Compute(FeatureFixture.Channels, FeatureFixture.Rate, OneSecond, new BandPowerOptions { Scale = BandPowerScale.Relative });
        for (int i = 0; i < relative.Values.Length; i += 4)
            Assert.Equal(1.0, relative.Values.AsSpan(i, 4).ToArray().Sum(), 12);
    }

    [Fact]
    public void EmptyWelchBandIsAnErrorNamingTheBand()
    {
        var windows = FrameWindows.ForFrameRate(9760, FeatureFixture.Rate, 8);
        var error = Assert.Throws<ArgumentException>(() => BandPower.Compute(FeatureFixture.Channels, FeatureFixture.Rate, windows));
        Assert.Contains("theta", error.Message);
        Assert.Contains("FilterBank", error.Message);
    }

    [Fact]
    public void BandAtNyquistIsRejected()
    {
        var options = new BandPowerOptions { Bands = [new FrequencyBand("high", 60, 80)] };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BandPower.Compute(FeatureFixture.Channels, FeatureFixture.Rate, OneSecond, options));
        Assert.Contains("Nyquist", error.Message);
        Assert.Contains("80", error.Message);
    }

    [Fact]
    public void ParsesBandLists()
    {
        Assert.Equal([new FrequencyBand("theta", 4, 8), new FrequencyBand("alpha", 8, 13.5)], FrequencyBand.ParseList("theta:4-8, alpha:8-13.5"));
        Assert.Contains("alpha8-13", Assert.Throws<FormatException>(() => FrequencyBand.ParseList("alpha8-13")).Message);
        Assert.Throws<FormatException>(() => FrequencyBand.ParseList("alpha:13-8"));
    }

    [Fact]
    public void FilterBankBandPassIsTheSignalsLibrarysFilter()
    {
        var sos = BandFilterBank.Design(FrequencyBand.Alpha, 160, 4);
        var expected = SosFilter.SosFiltFilt(Butterworth.BandPass(4, 8, 13, 160), FeatureFixture.Channels[0]);
        Assert.Equal(expected, SosFilter.SosFiltFilt(sos, FeatureFixture.Channels[0]));
    }
}
