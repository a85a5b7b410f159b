using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Tools;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Eeg.Tests.Tools;

/// <summary>Bad input to the band-power and topomap exports fails before any output, naming file, channel and value.</summary>
public class ExportInputTests
{
    private static readonly string S001 = TestData.Path("S001R01.edf");

    private static string Csv(string name, string body)
    {
        string path = Path.Combine(TestData.TempDirectory(), name);
        File.WriteAllText(path, body);
        return path;
    }

    private static string Rows(Func<int, string> cz) =>
        "Fz,Cz,Pz\n" + string.Join('\n', Enumerable.Range(0, 300).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Sin(0.3 * i):R},{cz(i)},{i % 7}")));

    [Fact]
    public void NaNChannelIsNamedWithFileAndSample()
    {
        string path = Csv("nan.csv", Rows(i => i == 40 ? "NaN" : Math.Cos(0.2 * i).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        string output = Path.Combine(TestData.TempDirectory(), "power.npy");
        var e = Assert.Throws<EegFormatException>(() =>
            BandPowerExport.Run(path, output, new BandPowerExportOptions { File = new EegFileOptions { SamplingRate = 100 }, Bands = [FrequencyBand.Alpha] }));
        Assert.Equal("Cz", e.Channel);
        Assert.Contains("nan.csv", e.Message);
        Assert.Contains("sample 40 is NaN", e.Message);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void FlatChannelIsNamed()
    {
        string path = Csv("flat.csv", Rows(_ => "2.5"));
        var e = Assert.Throws<EegFormatException>(() =>
            BandPowerExport.Run(path, Path.Combine(TestData.TempDirectory(), "p.npy"), new BandPowerExportOptions { File = new EegFileOptions { SamplingRate = 100 }, Bands = [FrequencyBand.Alpha] }));
        Assert.Equal("Cz", e.Channel);
        Assert.Contains("flat", e.Message);
        Assert.Contains("2.5", e.Message);
    }

    [Theory]
    [InlineData(1, 80)]     // at Nyquist of the 160 Hz recording
    [InlineData(1, 95)]     // above it
    [InlineData(0, 30)]     // low edge not positive
    public void BandPassOutsideTheRecordingsRangeNamesFileAndEdges(double low, double high)
    {
        var e = Assert.Throws<FilterSpecificationException>(() =>
            BandPowerExport.Run(S001, Path.Combine(TestData.TempDirectory(), "p.npy"), new BandPowerExportOptions { BandPass = (low, high) }));
        Assert.Contains("S001R01.edf", e.Message);
        Assert.Contains($"{low} {high}", e.Message);
        Assert.Contains("80 Hz", e.Message);
    }

    [Fact]
    public void BandAtNyquistNamesFileAndBand()
    {
        var bands = FrequencyBand.ParseList("alpha:8-13,high:60-80");
        var power = Assert.ThrowsAny<ArgumentOutOfRangeException>(() =>
            BandPowerExport.Run(S001, Path.Combine(TestData.TempDirectory(), "p.npy"), new BandPowerExportOptions { Bands = bands }));
        Assert.Contains("S001R01.edf", power.Message);
        Assert.Contains("'high' (60-80 Hz)", power.Message);
        var maps = Assert.ThrowsAny<ArgumentOutOfRangeException>(() =>
            TopomapExport.Run(S001, Path.Combine(TestData.TempDirectory(), "m.npy"), new TopomapExportOptions { Maps = new BandTopomapOptions { Bands = bands } }));
        Assert.Contains("S001R01.edf", maps.Message);
    }
}
