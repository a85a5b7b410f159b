using Xunit.Abstractions;
using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Tests.Support;

namespace MlNetEmotion.Signals.Tests.Filters;

/// <summary>Butterworth design, sosfilt, sosfilt_zi and sosfiltfilt against SciPy 1.10 on real EEG (S001R01.edf, µV).</summary>
public class ButterworthParityTests(ITestOutputHelper output)
{
    private static readonly Fixture Data = Fixture.Load("filters");
    private static readonly double Fs = Data.Vector("fs")[0];

    public static TheoryData<string, int, FilterBandType, double, double> Designs => new()
    {
        { "low4_30", 4, FilterBandType.LowPass, 30, double.NaN },
        { "low1_20", 1, FilterBandType.LowPass, 20, double.NaN },
        { "high2_1", 2, FilterBandType.HighPass, 1, double.NaN },
        { "high5_0p5", 5, FilterBandType.HighPass, 0.5, double.NaN },
        { "band4_4_45", 4, FilterBandType.BandPass, 4, 45 },
        { "band3_8_13", 3, FilterBandType.BandPass, 8, 13 },
        { "stop2_48_52", 2, FilterBandType.BandStop, 48, 52 },
        { "stop3_45_55", 3, FilterBandType.BandStop, 45, 55 },
        { "band8_1_70", 8, FilterBandType.BandPass, 1, 70 },
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void SectionsMatchScipyButterSos(string key, int order, FilterBandType type, double low, double high)
    {
        SecondOrderSections sos = Butterworth.Design(order, type, Fs, low, high);
        // Same sections in the same order (zpk2sos 'nearest' pairing); 1e-9 relative to the largest coefficient.
        Report(Parity.AssertClose(Data.Vector(key + "_sos"), sos.Coefficients, 1e-9, key));
        Report(Parity.AssertClose(Data.Vector(key + "_zi"), SosFilter.SosFiltZi(sos), 1e-9, key + " zi"));
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void FilteringMatchesScipy(string key, int order, FilterBandType type, double low, double high)
    {
        SecondOrderSections sos = Butterworth.Design(order, type, Fs, low, high);
        double[] x = Data.Row("eeg", 0);
        Report(Parity.AssertClose(Data.Vector(key + "_sosfilt"), SosFilter.SosFilt(sos, x), what: key + " sosfilt"));

        double[] state = SosFilter.SosFiltZi(sos);
        for (int i = 0; i < state.Length; i++)
        {
            state[i] *= x[0];
        }

        var y = new double[x.Length];
        SosFilter.SosFilt(sos, x, y, state);
        Report(Parity.AssertClose(Data.Vector(key + "_sosfilt_ic"), y, what: key + " sosfilt zi"));

        for (int ch = 0; ch < Data.Rows(key + "_sosfiltfilt"); ch++)
        {
            Report(Parity.AssertClose(Data.Row(key + "_sosfiltfilt", ch), SosFilter.SosFiltFilt(sos, Data.Row("eeg", ch)), what: key + " sosfiltfilt"));
        }
    }

    [Fact]
    public void SosFiltFiltHonoursExplicitPadLength()
    {
        SecondOrderSections sos = Butterworth.BandPass(4, 4, 45, Fs);
        Assert.Equal(27, SosFilter.DefaultPadLength(sos));
        Report(Parity.AssertClose(Data.Vector("band4_4_45_sosfiltfilt_pad10"), SosFilter.SosFiltFilt(sos, Data.Row("eeg", 0), padLength: 10)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(9)]
    public void ChannelOverloadIsBitIdenticalToSingleChannel(int count)
    {
        SecondOrderSections sos = Butterworth.BandPass(4, 4, 45, Fs);
        // Real channels, plus shifted and scaled copies; one shorter channel to exercise the scalar fallback.
        double[][] channels = Enumerable.Range(0, count)
            .Select(c => Data.Row("eeg", c % 4).Select(v => v * (1 + c) + c).Take(c == 5 ? 500 : 640).ToArray())
            .ToArray();
        double[][] filtered = SosFilter.SosFiltFilt(sos, channels);
        for (int c = 0; c < count; c++)
        {
            Assert.Equal(SosFilter.SosFiltFilt(sos, channels[c]), filtered[c]);
        }

        Report(Parity.AssertClose(Data.Row("band4_4_45_sosfiltfilt", 0), filtered[0]));
    }

    [Fact]
    public void ChannelOverloadNamesTheChannelOfANonFiniteSample()
    {
        double[][] channels = [new double[100], new double[100]];
        channels[1][7] = double.NegativeInfinity;
        var e = Assert.Throws<NonFiniteSampleException>(() => SosFilter.SosFiltFilt(Butterworth.LowPass(2, 10, Fs), channels));
        Assert.Equal(("channels[1]", 7L), (e.ParamName, e.Index));
    }

    private void Report(double worst) => output.WriteLine($"max |error| / max |reference| = {worst:E2}");
}
