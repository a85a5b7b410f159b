using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

public class ValidationTests
{
    [Fact]
    public void FlatChannelIsRejectedWhenValidationIsRequested()
    {
        var flat = new double[200];
        Array.Fill(flat, 4.5);
        var recording = new EegRecording([new EegChannel("Cz", 100, Enumerable.Range(0, 200).Select(i => (double)i).ToArray()), new EegChannel("Pz", 100, flat)]);
        string path = Path.Combine(TestData.TempDirectory(), "flat.edf");
        EdfWriter.Write(path, recording);
        EdfReader.Read(path);
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path, new EegReadOptions { Validate = true }));
        Assert.Equal("Pz", error.Channel);
        Assert.Contains("flat", error.Message);
        Assert.Contains("flat.edf", error.Message);
    }

    [Fact]
    public void NaNSampleIsRejectedNamingIndex()
    {
        var samples = new double[10];
        samples[7] = double.NaN;
        var recording = new EegRecording([new EegChannel("Oz", 10, samples)]);
        var error = Assert.Throws<EegFormatException>(recording.Validate);
        Assert.Equal("Oz", error.Channel);
        Assert.Contains("sample 7 is NaN", error.Message);
    }

    [Fact]
    public void MixedRatesFailWhenOneRateIsRequired()
    {
        var recording = new EegRecording([new EegChannel("Cz", 128, new double[128]), new EegChannel("Pz", 64, new double[64])]);
        string path = Path.Combine(TestData.TempDirectory(), "rates.edf");
        EdfWriter.Write(path, recording);
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path, new EegReadOptions { RequireCommonSamplingRate = true }));
        Assert.Equal("Pz", error.Channel);
        Assert.Contains("64 Hz", error.Message);
        Assert.Contains("128 Hz", error.Message);
    }
}
