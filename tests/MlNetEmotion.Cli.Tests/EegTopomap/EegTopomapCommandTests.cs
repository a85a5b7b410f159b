using System.CommandLine;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography;

namespace MlNetEmotion.Cli.Tests.EegTopomap;

public class EegTopomapCommandTests
{
    private static readonly string Edf = Path.Combine(MlNetEmotion.Cli.Tests.Hosting.CliHarness.DataFolder("eeg"), "S001R01.edf");

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EegTopomapCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlnet-cli-topomap", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void WritesFramesBandsHeightWidthAndPngs()
    {
        string dir = TempDir(), npy = Path.Combine(dir, "maps.npy"), png = Path.Combine(dir, "png");
        var (code, output, error) = Invoke(Edf, "--fps", "1", "--size", "24", "--bands", "theta:4-8,alpha:8-13", "--out", npy);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([61, 2, 24, 24], json.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("standard_1020", json.RootElement.GetProperty("montage").GetString());

        var maps = Npy.Read(npy);
        Assert.Equal([61, 2, 24, 24], maps.Shape);
        float[] actual = maps.As<float>();

        // Same numbers as the library path: filter-bank band power (the default) in 1 s windows, then the precomputed interpolator.
        var recording = EegFile.Read(Edf);
        var data = recording.Channels.Select(c => c.Samples).ToArray();
        var power = BandPower.Compute(data, 160, FrameWindows.ForFrameRate(data[0].Length, 160, 1),
            new BandPowerOptions { Bands = [FrequencyBand.Theta, FrequencyBand.Alpha], Method = BandPowerMethod.FilterBank });
        var interp = TopomapInterpolator.Create(StandardMontages.Create("standard_1020").Select(recording.ChannelNames), new TopomapOptions { Size = 24 });
        var values = new float[64];
        var image = new float[24 * 24];
        foreach (var (f, b) in new[] { (0, 0), (30, 1), (60, 0) })
        {
            for (int c = 0; c < 64; c++) values[c] = (float)power[f, c, b];
            interp.Interpolate(values, image);
            Assert.Equal(image, actual.AsSpan((f * 2 + b) * 576, 576).ToArray());
        }

        // pictures: a coarser frame rate keeps the test short
        (code, _, error) = Invoke(Edf, "--fps", "0.2", "--bands", "theta:4-8,alpha:8-13", "--out", npy, "--png", png);
        Assert.True(code == 0, error);
        Assert.Equal(24, Directory.GetFiles(png, "*.png").Length);
        var picture = PngDecoder.Read(Path.Combine(png, "frame_0010_alpha.png"));
        Assert.Equal(4, picture.Channels);
        Assert.Equal(0, picture[0, 0, 3]);                                    // corner: transparent
        Assert.Equal(255, picture[picture.Height / 2, picture.Width / 2, 3]); // centre of the head: opaque
    }

    [Fact]
    public void TheIssuesCommandAtEightFpsWorksAndWelchIsAnOption()
    {
        string dir = TempDir(), npy = Path.Combine(dir, "maps.npy");
        // The documented command: 1/8 s windows (20 samples at 160 Hz), theta/alpha/beta, 32 x 32.
        var (code, output, error) = Invoke(Edf, "--montage", "standard_1020", "--bands", "theta:4-8,alpha:8-13,beta:13-30",
            "--fps", "8", "--size", "32", "--out", npy);
        Assert.True(code == 0, error);
        Assert.Equal([488, 3, 32, 32], Npy.Read(npy).Shape);
        // Welch cannot resolve theta in 20 samples (8 Hz bins): a one-line error that says so and names the way out.
        (code, _, error) = Invoke(Edf, "--fps", "8", "--power", "welch", "--out", npy);
        Assert.Equal(2, code);
        Assert.Contains("holds no Welch bin", error);
        // With 1 s windows Welch works, and it is a different estimator from the filter bank.
        string welch = Path.Combine(dir, "welch.npy"), bank = Path.Combine(dir, "bank.npy");
        Assert.Equal(0, Invoke(Edf, "--fps", "1", "--power", "welch", "--out", welch).Code);
        Assert.Equal(0, Invoke(Edf, "--fps", "1", "--out", bank).Code);
        Assert.Equal([61, 3, 32, 32], Npy.Read(welch).Shape);
        Assert.NotEqual(Npy.Read(welch).As<float>(), Npy.Read(bank).As<float>());
    }

    [Fact]
    public void BashivanLayoutOnBiosemiNamesNeedsMatchingMontage()
    {
        string dir = TempDir();
        var (code, _, error) = Invoke(Edf, "--montage", "biosemi32", "--out", Path.Combine(dir, "m.npy"));
        Assert.Equal(2, code);
        Assert.Contains("biosemi32", error);
        Assert.Contains("'Fc3.'", error);
        Assert.False(File.Exists(Path.Combine(dir, "m.npy")));
    }

    [Fact]
    public void BashivanLayoutWritesBoundingBoxMaps()
    {
        string npy = Path.Combine(TempDir(), "b.npy");
        var (code, _, error) = Invoke(Edf, "--layout", "bashivan", "--method", "linear", "--fps", "0.5", "--out", npy);
        Assert.True(code == 0, error);
        var maps = Npy.Read(npy);
        Assert.Equal([30, 3, 32, 32], maps.Shape);
        Assert.All(maps.As<float>(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void BadOptionsAreReported()
    {
        string npy = Path.Combine(TempDir(), "x.npy");
        var (code, _, error) = Invoke(Edf, "--method", "spline", "--out", npy);
        Assert.Equal(2, code);
        Assert.Contains("--method 'spline'", error);
        (code, _, error) = Invoke(Edf, "--bands", "gamma:30-90", "--out", npy);
        Assert.Equal(2, code);
        Assert.Contains("Nyquist", error);
    }
}
