using System.CommandLine;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Cli.Tests.Eeg;

public class EegCommandsTests
{
    private static readonly string DataRoot = MlNetEmotion.Cli.Tests.Hosting.CliHarness.DataFolder("eeg");

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EegCommands.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string Temp(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlnet-cli-eeg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [Fact]
    public void InfoPrintsHeaderSummary()
    {
        var (code, output, _) = Invoke("info", Path.Combine(DataRoot, "S001R01.edf"));
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("EDF+C", root.GetProperty("format").GetString());
        Assert.Equal(64, root.GetProperty("channelCount").GetInt32());
        Assert.Equal(61.0, root.GetProperty("durationSeconds").GetDouble());
        var first = root.GetProperty("channels")[0];
        Assert.Equal("Fc5.", first.GetProperty("name").GetString());
        Assert.Equal(160, first.GetProperty("samplingRate").GetDouble());
        Assert.Equal(9760, first.GetProperty("samples").GetInt32());
        Assert.Equal("uV", first.GetProperty("unit").GetString());
        var annotation = root.GetProperty("annotations")[0];
        Assert.Equal("T0", annotation.GetProperty("text").GetString());
        Assert.Equal(60.2, annotation.GetProperty("duration").GetDouble(), 12);
        Assert.Equal("2009-08-12T16:15:00", root.GetProperty("startTime").GetString());
    }

    [Fact]
    public void BandPowerWritesWindowsChannelsBandsMatchingScipy()
    {
        string output = Temp("power.npy");
        var (code, stdout, error) = Invoke("bandpower", Path.Combine(DataRoot, "S001R01.edf"), "--bands", "theta:4-8,alpha:8-13,beta:13-30", "--window", "1", "--out", output);
        Assert.True(code == 0, error);
        var power = Npy.Read(output);
        Assert.Equal(NpyDataType.Float64, power.DataType);
        Assert.Equal([61, 64, 3], power.Shape);
        Assert.Contains("\"Fc5.\"", stdout);

        // Fixture channels 3 and 4 are F3.. (file index 31) and F4.. (35); bands theta, alpha, beta.
        var expected = Npy.Read(Path.Combine(DataRoot, "features", "welch_abs_1s.npy")).As<double>();
        var values = power.As<double>();
        foreach (var (fixtureChannel, fileChannel) in new[] { (3, 31), (4, 35), (0, 0) })
            for (int w = 0; w < 61; w++)
                for (int b = 0; b < 3; b++)
                {
                    double e = expected[(w * 8 + fixtureChannel) * 4 + b];
                    Assert.Equal(e, values[(w * 64 + fileChannel) * 3 + b], Math.Abs(e) * 1e-9);
                }
    }

    [Fact]
    public void BandPassBeforeBandPowerRemovesOutOfBandPower()
    {
        string plain = Temp("plain.npy"), filtered = Temp("filtered.npy");
        string edf = Path.Combine(DataRoot, "S001R01.edf");
        Assert.Equal(0, Invoke("bandpower", edf, "--bands", "theta:4-8,beta:13-30", "--out", plain).Code);
        Assert.Equal(0, Invoke("bandpower", edf, "--bands", "theta:4-8,beta:13-30", "--bandpass", "13", "30", "--out", filtered).Code);
        var a = Npy.Read(plain).As<double>();
        var b = Npy.Read(filtered).As<double>();
        double thetaRatio = Enumerable.Range(0, a.Length / 2).Sum(i => b[2 * i]) / Enumerable.Range(0, a.Length / 2).Sum(i => a[2 * i]);
        double betaRatio = Enumerable.Range(0, a.Length / 2).Sum(i => b[2 * i + 1]) / Enumerable.Range(0, a.Length / 2).Sum(i => a[2 * i + 1]);
        Assert.InRange(thetaRatio, 0, 0.1);
        Assert.InRange(betaRatio, 0.7, 1.0);
    }

    [Fact]
    public void BadFileGivesExitCodeAndMessageWithoutOutput()
    {
        string bad = Temp("bad.edf");
        File.WriteAllBytes(bad, File.ReadAllBytes(Path.Combine(DataRoot, "S001R01.edf"))[..1000]);
        string output = Temp("never.npy");
        var (code, _, error) = Invoke("bandpower", bad, "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("bad.edf", error);
        Assert.False(File.Exists(output));
        Assert.Equal(2, Invoke("bandpower", Path.Combine(DataRoot, "S001R01.edf"), "--bands", "alpha8-13", "--out", output).Code);
    }

    [Fact]
    public void GroupOffersInfoBandPowerAndTopomap()
    {
        Assert.Equal(["info", "bandpower", "topomap"], EegCommands.Create().Subcommands.Select(c => c.Name));
    }
}
