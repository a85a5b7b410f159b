using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

public class EdfWriterTests
{
    [Theory]
    [InlineData(false, 65535)]
    [InlineData(true, 16777215)]
    public void RoundTripKeepsSamplesWithinHalfAStep(bool bdf, double steps)
    {
        var original = EdfReader.Read(TestData.Path("S001R01.edf"));
        string path = Path.Combine(TestData.TempDirectory(), bdf ? "copy.bdf" : "copy.edf");
        EdfWriter.Write(path, original, new EdfWriteOptions { Bdf = bdf });
        var copy = EdfReader.Read(path);
        Assert.Equal(bdf ? "BDF+C" : "EDF+C", copy.Info.Format);
        Assert.Equal(original.ChannelNames, copy.ChannelNames);
        Assert.Equal(original.Info.StartTime, copy.Info.StartTime);
        Assert.Equal(original.Info.PatientId, copy.Info.PatientId);
        Assert.Equal(original.Annotations, copy.Annotations);
        for (int c = 0; c < original.Channels.Count; c++)
        {
            double[] a = original.Channels[c].Samples, b = copy.Channels[c].Samples;
            double range = a.Max() - a.Min();
            double tolerance = range / steps * 0.5 * 1.001 + 1e-12;
            Assert.Equal(a.Length, b.Length);
            for (int i = 0; i < a.Length; i++)
                Assert.True(Math.Abs(a[i] - b[i]) <= tolerance, $"channel {c} sample {i}: {a[i]} vs {b[i]} (tolerance {tolerance})");
        }
    }

    [Fact]
    public void EdfIntegerSamplesRoundTripExactly()
    {
        // The digital grid of an EDF written from data spanning [-32768, 32767] is the identity.
        var samples = Enumerable.Range(0, 256).Select(i => (double)((i * 257) % 65536 - 32768)).ToArray();
        samples[0] = -32768;
        samples[1] = 32767;
        var recording = new EegRecording([new EegChannel("Cz", 128, samples), new EegChannel("Pz", 64, samples[..128])],
            [new EegAnnotation(0.5, 0.25, "stimulus"), new EegAnnotation(1.5, 0, "ü response")]);
        string path = Path.Combine(TestData.TempDirectory(), "grid.edf");
        EdfWriter.Write(path, recording);
        var copy = EdfReader.Read(path);
        Assert.Equal(samples, copy.Channels[0].Samples);
        Assert.Equal(64, copy.Channels[1].SamplingRate);
        Assert.Equal(recording.Annotations, copy.Annotations);
        Assert.Throws<EegFormatException>(() => copy.SamplingRate);
    }

    [Fact]
    public void RateThatDoesNotFitARecordIsAnArgumentError()
    {
        var recording = new EegRecording([new EegChannel("Cz", 128.5, new double[257])]);
        var error = Assert.Throws<ArgumentException>(() => EdfWriter.Write(Path.Combine(TestData.TempDirectory(), "x.edf"), recording));
        Assert.Contains("Cz", error.Message);
    }

    [Fact]
    public void PartialLastRecordIsPaddedWithTheLastSample()
    {
        var recording = new EegRecording([new EegChannel("Cz", 10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])]);
        string path = Path.Combine(TestData.TempDirectory(), "pad.edf");
        EdfWriter.Write(path, recording);
        var copy = EdfReader.Read(path).Channels[0].Samples;
        Assert.Equal(20, copy.Length);
        Assert.All(copy[12..], v => Assert.Equal(12, v, 1e-3));
    }
}
