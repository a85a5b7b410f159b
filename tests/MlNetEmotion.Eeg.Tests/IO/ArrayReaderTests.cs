using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

public class ArrayReaderTests
{
    [Fact]
    public void ReadsNpyAsChannelsBySamplesScalingVolts()
    {
        string path = Path.Combine(TestData.TempDirectory(), "x.npy");
        Npy.Write(path, new float[] { 1e-6f, 2e-6f, 3e-6f, -1e-6f, -2e-6f, -3e-6f }, 2, 3);
        var recording = EegFile.Read(path, new EegFileOptions { SamplingRate = 250, ChannelNames = ["Cz", "Pz"], Unit = "V" });
        Assert.Equal(["Cz", "Pz"], recording.ChannelNames);
        Assert.Equal(250, recording.SamplingRate);
        Assert.Equal([-1, -2, -3], recording.Channels[1].Samples.Select(v => Math.Round(v, 5)));
    }

    [Fact]
    public void ReadsCsvSkippingTimeColumn()
    {
        string path = Path.Combine(TestData.TempDirectory(), "x.csv");
        File.WriteAllText(path, "time,Fp1,Fp2\n0,1.5,2\n0.01,-1,3e1\n");
        var recording = EegFile.Read(path, new EegFileOptions { SamplingRate = 100 });
        Assert.Equal(["Fp1", "Fp2"], recording.ChannelNames);
        Assert.Equal([2.0, 30.0], recording.Channels[1].Samples);
    }

    [Fact]
    public void CsvErrorsNameLineAndColumn()
    {
        string path = Path.Combine(TestData.TempDirectory(), "bad.csv");
        File.WriteAllText(path, "Fp1,Fp2\n1,2\n3,abc\n");
        var error = Assert.Throws<EegFormatException>(() => EegFile.Read(path, new EegFileOptions { SamplingRate = 100 }));
        Assert.Equal("Fp2", error.Channel);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("'abc'", error.Message);
    }

    [Fact]
    public void HeaderlessFormatsNeedARate()
    {
        string path = Path.Combine(TestData.TempDirectory(), "x.csv");
        File.WriteAllText(path, "Fp1\n1\n");
        Assert.Contains("sampling rate", Assert.Throws<EegFormatException>(() => EegFile.Read(path)).Message);
    }

    [Fact]
    public void ReadsDeapTrialAndGenericMatArrays()
    {
        var trial = EegFile.Read(TestData.Path("mat", "deap_like.mat"), new EegFileOptions { Trial = 0 });
        Assert.Equal(128, trial.SamplingRate);
        Assert.Equal(3, trial.Channels.Count);
        var generic = EegFile.Read(TestData.Path("mat", "types_plain.mat"), new EegFileOptions { SamplingRate = 10, Variable = "single" });
        Assert.Equal(2, generic.Channels.Count);
        Assert.Equal([-5.0, 2, -2], generic.Channels[0].Samples);
    }

    [Fact]
    public void EdfGoesThroughTheHeaderReader()
    {
        var recording = EegFile.Read(TestData.Path("S001R01.edf"), new EegFileOptions { Read = { RequireCommonSamplingRate = true } });
        Assert.Equal(64, recording.Channels.Count);
    }
}
