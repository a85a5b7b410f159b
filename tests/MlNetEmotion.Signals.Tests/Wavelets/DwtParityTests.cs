using Xunit.Abstractions;
using MlNetEmotion.Signals.Tests.Support;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Signals.Tests.Wavelets;

/// <summary>wavedec / waverec / dwt_max_level against PyWavelets 1.1 on real EEG (223 samples, odd on purpose).</summary>
public class DwtParityTests(ITestOutputHelper output)
{
    private static readonly Fixture Data = Fixture.Load("wavelets");

    public static TheoryData<string> AllWavelets => new(Wavelet.Names);

    [Theory]
    [MemberData(nameof(AllWavelets))]
    public void WaveDecMatchesPyWaveletsInBothModes(string name)
    {
        Wavelet wavelet = Wavelet.FromName(name);
        double[] x = Data.Vector("x");
        Assert.Equal((int)Data.Vector($"maxlevel_{name}")[0], Dwt.MaxLevel(x.Length, wavelet));
        foreach ((WaveletMode mode, string key) in new[] { (WaveletMode.Symmetric, "symmetric"), (WaveletMode.Periodization, "periodization") })
        {
            double[][] coefficients = Dwt.WaveDec(x, wavelet, mode);
            Assert.Equal(Data.Vector($"wavedec_{name}_{key}_lengths").Select(v => (int)v), coefficients.Select(c => c.Length));
            Report(Parity.AssertClose(Data.Vector($"wavedec_{name}_{key}"), coefficients.SelectMany(c => c).ToArray(), what: $"{name} {key}"));
        }
    }

    [Theory]
    [InlineData("db4")]
    [InlineData("sym8")]
    [InlineData("db20")]
    [InlineData("haar")]
    public void ThreeLevelsOnALongerSignalAndWaveRecMatchPyWavelets(string name)
    {
        Wavelet wavelet = Wavelet.FromName(name);
        foreach ((WaveletMode mode, string key) in new[] { (WaveletMode.Symmetric, "symmetric"), (WaveletMode.Periodization, "periodization") })
        {
            double[][] coefficients = Dwt.WaveDec(Data.Vector("x640"), wavelet, mode, level: 3);
            Assert.Equal(Data.Vector($"wavedec640_{name}_{key}_lengths").Select(v => (int)v), coefficients.Select(c => c.Length));
            Report(Parity.AssertClose(Data.Vector($"wavedec640_{name}_{key}"), coefficients.SelectMany(c => c).ToArray(), what: $"{name} {key} 640"));

            double[] rec = Dwt.WaveRec(Dwt.WaveDec(Data.Vector("x"), wavelet, mode), wavelet, mode);
            Report(Parity.AssertClose(Data.Vector($"waverec_{name}_{key}"), rec, what: $"{name} {key} waverec"));
        }
    }

    [Fact]
    public void EmptySignalsAndMismatchedCoefficientsAreRejected()
    {
        Wavelet db2 = Wavelet.FromName("db2");
        Assert.Throws<ArgumentException>(() => Dwt.Decompose([], db2));
        Assert.Throws<ArgumentException>(() => Dwt.WaveDec([], db2));
        Assert.Throws<ArgumentException>(() => Dwt.Reconstruct(new double[5], new double[4], db2));
        Assert.Throws<ArgumentException>(() => Dwt.WaveRec([new double[5], new double[3]], db2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dwt.WaveDec(new double[64], db2, level: -1));
    }

    [Fact]
    public void UnknownWaveletNamesTheName()
    {
        var e = Assert.Throws<ArgumentException>(() => Wavelet.FromName("coif3"));
        Assert.Contains("coif3", e.Message);
    }

    private void Report(double worst) => output.WriteLine($"max |error| / max |reference| = {worst:E2}");
}
