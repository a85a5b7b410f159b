using Xunit.Abstractions;
using MlNetEmotion.Signals.Tests.Support;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Signals.Tests.Wavelets;

/// <summary>Universal-threshold wavelet denoising against the PyWavelets recipe on 4 real EEG channels × 640 samples.</summary>
public class WaveletDenoiserParityTests(ITestOutputHelper output)
{
    private static readonly Fixture Data = Fixture.Load("denoise");

    public static TheoryData<string, string, WaveletMode, int?, ThresholdFunction> Cases => new()
    {
        { "db4_sym_auto_soft", "db4", WaveletMode.Symmetric, null, ThresholdFunction.Soft },
        { "db4_sym_4_soft", "db4", WaveletMode.Symmetric, 4, ThresholdFunction.Soft },
        { "sym8_per_3_soft", "sym8", WaveletMode.Periodization, 3, ThresholdFunction.Soft },
        { "db6_sym_5_hard", "db6", WaveletMode.Symmetric, 5, ThresholdFunction.Hard },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DenoiseMatchesPyWavelets(string key, string wavelet, WaveletMode mode, int? level, ThresholdFunction function)
    {
        var options = new WaveletDenoiseOptions { Wavelet = wavelet, Mode = mode, Level = level, Function = function };
        double[] thresholds = Data.Vector($"denoise_{key}_threshold");
        for (int ch = 0; ch < Data.Rows("eeg"); ch++)
        {
            double[] x = Data.Row("eeg", ch);
            double[][] c = Dwt.WaveDec(x, Wavelet.FromName(wavelet), mode, level);
            Assert.Equal(thresholds[ch], WaveletDenoiser.UniversalThreshold(c[^1], x.Length), 1e-9 * thresholds[ch]);
            Report(Parity.AssertClose(Data.Row($"denoise_{key}", ch), WaveletDenoiser.Denoise(x, options), what: $"{key} ch{ch}"));
        }
    }

    [Fact]
    public void DefaultsAreDb4SymmetricSoftUniversal()
    {
        double[] x = Data.Row("eeg", 1);
        Assert.Equal(Data.Row("denoise_db4_sym_auto_soft", 1), WaveletDenoiser.Denoise(x), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void ShrinkFollowsPyWaveletsRules()
    {
        double[] soft = [-3, -1, 0, 1, 1.5, 3];
        WaveletDenoiser.Shrink(soft, 1.5, ThresholdFunction.Soft);
        Assert.Equal([-1.5, 0, 0, 0, 0, 1.5], soft);
        double[] hard = [-3, -1, 0, 1, 1.5, 3];
        WaveletDenoiser.Shrink(hard, 1.5, ThresholdFunction.Hard);
        Assert.Equal([-3, 0, 0, 0, 1.5, 3], hard);
    }

    [Fact]
    public void NonFiniteSampleIsReportedByIndex()
    {
        double[] x = Data.Row("eeg", 0);
        x[300] = double.PositiveInfinity;
        var e = Assert.Throws<NonFiniteSampleException>(() => WaveletDenoiser.Denoise(x));
        Assert.Equal(300, e.Index);
        Assert.Contains("300", e.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b));

        public int GetHashCode(double value) => 0;
    }

    private void Report(double worst) => output.WriteLine($"max |error| / max |reference| = {worst:E2}");
}
