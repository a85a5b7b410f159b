using Xunit.Abstractions;
using MlNetEmotion.Signals.Fourier;
using MlNetEmotion.Signals.Spectral;
using MlNetEmotion.Signals.Tests.Support;

namespace MlNetEmotion.Signals.Tests.Spectral;

/// <summary>Welch PSD against scipy.signal.welch (SciPy 1.10) on 4 real EEG channels × 640 samples at 160 Hz.</summary>
public class WelchParityTests(ITestOutputHelper output)
{
    private const double Fs = 160;
    private static readonly Fixture Data = Fixture.Load("welch");

    public static TheoryData<string, int?, int?, WindowKind, bool, SpectralAverage, SpectralScaling, int> Cases => new()
    {
        { "welch_default", null, null, WindowKind.Hann, true, SpectralAverage.Mean, SpectralScaling.Density, 640 },
        { "welch_128_96", 128, 96, WindowKind.Hann, true, SpectralAverage.Mean, SpectralScaling.Density, 640 },
        { "welch_160_median", 160, null, WindowKind.Hann, true, SpectralAverage.Median, SpectralScaling.Density, 640 },
        { "welch_short", null, null, WindowKind.Hann, true, SpectralAverage.Mean, SpectralScaling.Density, 200 },
        { "welch_255_spectrum", 255, null, WindowKind.Hann, true, SpectralAverage.Mean, SpectralScaling.Spectrum, 640 },
        { "welch_128_hamming_nodetrend", 128, null, WindowKind.Hamming, false, SpectralAverage.Mean, SpectralScaling.Density, 640 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipyWelch(string key, int? nperseg, int? noverlap, WindowKind window, bool detrend, SpectralAverage average, SpectralScaling scaling, int length)
    {
        var options = new WelchOptions { SegmentLength = nperseg, Overlap = noverlap, Window = window, RemoveSegmentMean = detrend, Average = average, Scaling = scaling };
        double[][] channels = Enumerable.Range(0, 4).Select(c => Data.Row("eeg", c)[..length]).ToArray();
        (double[] frequencies, double[][] power) = Welch.Estimate(channels, Fs, options);
        Report(Parity.AssertClose(Data.Vector(key + "_f"), frequencies, 1e-12, key + " f"));
        for (int c = 0; c < 4; c++)
        {
            Report(Parity.AssertClose(Data.Row(key + "_p", c), power[c], what: $"{key} ch{c}"));
            Assert.Equal(power[c], Welch.Estimate(channels[c], Fs, options).Power);
        }
    }

    [Fact]
    public void RejectsOverlapNotBelowSegmentLength()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Welch.Estimate(Data.Row("eeg", 0), Fs, new WelchOptions { SegmentLength = 64, Overlap = 64 }));
        Assert.Contains("Overlap", e.Message);
    }

    [Theory]
    [InlineData(BandIntegration.Trapezoid, "bandpower_alpha_trapz")]
    [InlineData(BandIntegration.Rectangle, "bandpower_alpha_rect")]
    public void AlphaBandPowerMatchesNumpy(BandIntegration method, string key)
    {
        double[] expected = Data.Vector(key);
        for (int c = 0; c < 4; c++)
        {
            PowerSpectrum psd = Welch.Estimate(Data.Row("eeg", c), Fs);
            Assert.Equal(expected[c], BandPower.Integrate(psd.Frequencies, psd.Power, 8, 13, method), 1e-6 * expected[c]);
        }
    }

    private void Report(double worst) => output.WriteLine($"max |error| / max |reference| = {worst:E2}");
}
