using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Resampling;
using MlNetEmotion.Signals.Spectral;
using MlNetEmotion.Signals.Tests.Support;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Signals.Tests.EdgeCases;

/// <summary>
/// Settings at the edges of the API that the EEG fixtures do not reach, against SciPy 1.10 / PyWavelets 1.1
/// (<c>tests/data/signals/make_edge_fixtures.py</c>). All agree to about 1e-15 in the sweep that picked them;
/// asserted at 1e-9 relative (plus 1e-12 × max|reference| absolute).
/// </summary>
public class EdgeSettingsParityTests
{
    private const double Tolerance = 1e-9;
    private static readonly Fixture Data = Fixture.Load("edges");

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(160, 128)]
    [InlineData(128, 160)]
    [InlineData(7, 1)]
    [InlineData(1, 7)]
    [InlineData(97, 89)]
    public void ResamplePolyMatchesScipyIncludingInputsShorterThanTheFilter(int up, int down)
    {
        double[] x = Data.Vector("x");
        Parity.AssertClose(Data.Vector($"resample_{up}_{down}"), PolyphaseResampler.ResamplePoly(x.AsSpan(0, 50), up, down), Tolerance, $"{up}/{down}");
        Parity.AssertClose(Data.Vector($"resample_{up}_{down}_short"), PolyphaseResampler.ResamplePoly(x.AsSpan(0, 3), up, down), Tolerance, $"{up}/{down} short");
    }

    [Theory]
    [InlineData("long_nperseg", 400, null, true, SpectralScaling.Density, SpectralAverage.Mean)]
    [InlineData("odd_overlap", 33, 5, true, SpectralScaling.Density, SpectralAverage.Mean)]
    [InlineData("median_even", 64, 0, true, SpectralScaling.Density, SpectralAverage.Median)]
    [InlineData("nodetrend_spectrum_median", 51, null, false, SpectralScaling.Spectrum, SpectralAverage.Median)]
    public void WelchMatchesScipyAtEdgeSettings(string key, int segmentLength, int? overlap, bool detrend, SpectralScaling scaling, SpectralAverage average)
    {
        var options = new WelchOptions { SegmentLength = segmentLength, Overlap = overlap, RemoveSegmentMean = detrend, Scaling = scaling, Average = average };
        PowerSpectrum spectrum = Welch.Estimate(Data.Vector("x"), 250.0, options);
        Parity.AssertClose(Data.Vector($"welch_{key}_f"), spectrum.Frequencies, Tolerance, key + " f");
        Parity.AssertClose(Data.Vector($"welch_{key}"), spectrum.Power, Tolerance, key);
    }

    [Fact]
    public void SosFiltFiltOneSampleAboveTheDefaultPaddingMatchesScipyAndAtThePaddingIsRejected()
    {
        SecondOrderSections sos = Butterworth.BandPass(5, 8.0, 13.0, 250.0);
        int pad = SosFilter.DefaultPadLength(sos);
        Assert.Equal(33, pad);
        double[] x = Data.Vector("x");
        Parity.AssertClose(Data.Vector("sosfiltfilt_bp5_padplus1"), SosFilter.SosFiltFilt(sos, x.AsSpan(0, pad + 1)), Tolerance);
        var e = Assert.Throws<ArgumentException>(() => SosFilter.SosFiltFilt(sos, x.AsSpan(0, pad)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains($"padding length {pad}", e.Message);
    }

    [Theory]
    [InlineData("db10", WaveletMode.Symmetric, 39)]
    [InlineData("sym5", WaveletMode.Periodization, 101)]
    [InlineData("db2", WaveletMode.Periodization, 7)]
    public void TransformsTwoLevelsDeeperThanMaxLevelMatchPyWavelets(string name, WaveletMode mode, int n)
    {
        Wavelet wavelet = Wavelet.FromName(name);
        string key = $"{name}_{(mode == WaveletMode.Symmetric ? "symmetric" : "periodization")}_{n}";
        double[][] coefficients = Dwt.WaveDec(Data.Vector("x").AsSpan(0, n), wavelet, mode, Dwt.MaxLevel(n, wavelet) + 2);
        Assert.Equal(Data.Vector($"wavedec_{key}_lengths").Select(v => (int)v), coefficients.Select(c => c.Length));
        Parity.AssertClose(Data.Vector($"wavedec_{key}"), coefficients.SelectMany(c => c).ToArray(), Tolerance, key);
        Parity.AssertClose(Data.Vector($"waverec_{key}"), Dwt.WaveRec(coefficients, wavelet, mode), Tolerance, key + " waverec");
    }
}
