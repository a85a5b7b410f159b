using Xunit.Abstractions;
using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Tests.Support;

namespace MlNetEmotion.Signals.Tests.Filters;

/// <summary>iirnotch, lfilter, lfilter_zi and filtfilt against SciPy 1.10 on real EEG.</summary>
public class TransferFunctionParityTests(ITestOutputHelper output)
{
    private static readonly Fixture Data = Fixture.Load("filters");
    private static readonly double Fs = Data.Vector("fs")[0];

    [Fact]
    public void NotchMatchesScipyIirNotch()
    {
        TransferFunction notch = IirNotch.Design(50, 30, Fs);
        Report(Parity.AssertClose(Data.Vector("notch50_b"), notch.B, 1e-12));
        Report(Parity.AssertClose(Data.Vector("notch50_a"), notch.A, 1e-12));
        Report(Parity.AssertClose(Data.Vector("notch50_lfilter"), TransferFunctionFilter.LFilter(notch, Data.Row("eeg", 0))));
        for (int ch = 0; ch < 2; ch++)
        {
            Report(Parity.AssertClose(Data.Row("notch50_filtfilt", ch), TransferFunctionFilter.FiltFilt(notch, Data.Row("eeg", ch))));
        }
    }

    [Fact]
    public void NotchAsSectionsMatchesScipyFiltFiltOnTheBatchedPath()
    {
        SecondOrderSections notch = IirNotch.DesignSections(50, 30, Fs);
        Assert.Equal(9, SosFilter.DefaultPadLength(notch));
        double[][] channels = Enumerable.Range(0, 4).Select(c => Data.Row("eeg", c)).ToArray();
        double[][] filtered = SosFilter.SosFiltFilt(notch, channels);
        for (int ch = 0; ch < 2; ch++)
        {
            Report(Parity.AssertClose(Data.Row("notch50_filtfilt", ch), filtered[ch]));
        }
    }

    [Fact]
    public void FourthOrderBaFiltFiltMatchesScipy()
    {
        var filter = new TransferFunction(Data.Vector("ba_low4_20_b"), Data.Vector("ba_low4_20_a"));
        Report(Parity.AssertClose(Data.Vector("ba_low4_20_lfilter_zi"), TransferFunctionFilter.LFilterZi(filter), 1e-9));
        Report(Parity.AssertClose(Data.Vector("ba_low4_20_filtfilt"), TransferFunctionFilter.FiltFilt(filter, Data.Row("eeg", 1))));
    }

    private void Report(double worst) => output.WriteLine($"max |error| / max |reference| = {worst:E2}");
}
