using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Cli.Tests.Audio;

public class AudioCommandsTests
{
    // Found from this source file, so builds with a private --artifacts-path work too.
    private static readonly string DataRoot = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "data", "audio"));
    private static readonly string Speech = Path.Combine(DataRoot, "speech_16k.wav");

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = AudioCommands.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string Temp(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlnet-cli-audio", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static double RelativeError(double[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double err = 0, scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            err = Math.Max(err, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        return err / scale;
    }

    [Fact]
    public void InfoPrintsRateChannelsDurationCodec()
    {
        var (code, output, _) = Invoke("info", Speech);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(16000, root.GetProperty("rate").GetInt32());
        Assert.Equal(1, root.GetProperty("channels").GetInt32());
        Assert.Equal(2.99, root.GetProperty("duration").GetDouble());
        Assert.Equal("pcm_s16le", root.GetProperty("codec").GetString());
        Assert.Equal("wav", root.GetProperty("container").GetString());
    }

    [Theory]
    [InlineData("torchaudio", "mfcc_torchaudio.npy", false)]
    [InlineData("kaldi", "mfcc_kaldi.npy", true)]
    [InlineData("librosa", "mfcc_librosa.npy", false)]
    public void MfccPresetsMatchTheFixtures(string preset, string fixture, bool timeMajor)
    {
        string output = Temp("mfcc.npy");
        var (code, _, error) = Invoke("mfcc", Speech, "--preset", preset, "--out", output);
        Assert.True(code == 0, error);
        var actual = Npy.Read(output);
        var expected = Npy.Read(Path.Combine(DataRoot, fixture));
        Assert.Equal(NpyDataType.Float32, actual.DataType);
        double[] values = actual.ToDoubleArray();
        if (timeMajor)
        {
            Assert.Equal(expected.Shape.Reverse(), actual.Shape);
            int rows = actual.Shape[0], frames = actual.Shape[1];
            values = Enumerable.Range(0, values.Length).Select(i => values[i % rows * frames + i / rows]).ToArray();
        }
        else
        {
            Assert.Equal(expected.Shape, actual.Shape);
        }
        Assert.True(RelativeError(values, expected.ToDoubleArray()) < 1e-4);
    }

    [Fact]
    public void OverridesAndDeltasGiveAThreeChannelImage()
    {
        string output = Temp("mfcc.npy");
        var (code, _, error) = Invoke("mfcc", Speech, "--preset", "torchaudio", "--n-mfcc", "40", "--n-fft", "512",
            "--hop", "160", "--n-mels", "40", "--sample-rate", "16000", "--deltas", "--out", output);
        Assert.True(code == 0, error);
        var actual = Npy.Read(output);
        var expected = Npy.Read(Path.Combine(DataRoot, "mfcc_bench.npy"));
        Assert.Equal(new[] { 3, 40, expected.Shape[1] }, actual.Shape);
        var staticChannel = actual.ToDoubleArray()[..expected.Length];
        Assert.True(RelativeError(staticChannel, expected.ToDoubleArray()) < 1e-4);
    }

    [Fact]
    public void SampleRateDisagreementIsAnErrorAndWritesNothing()
    {
        string output = Temp("mfcc.npy");
        var (code, _, error) = Invoke("mfcc", Speech, "--sample-rate", "8000", "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("sample rate", error);
        Assert.Contains(Speech, error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void UnknownPresetIsRejected()
    {
        var (code, _, _) = Invoke("mfcc", Speech, "--preset", "htk", "--out", Temp("x.npy"));
        Assert.NotEqual(0, code);
    }

    [Fact]
    public void MissingFileIsAnError()
    {
        var (code, _, error) = Invoke("info", Path.Combine(DataRoot, "missing.wav"));
        Assert.Equal(1, code);
        Assert.Contains("missing.wav", error);
    }
}
