using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

public class EdfReaderTests
{
    private static readonly string S001 = TestData.Path("S001R01.edf");

    [Fact]
    public void ReadsPhysioNetRecordingLikeMne()
    {
        var reference = MneReference.Load("edf", "S001R01_mne.json");
        var recording = EdfReader.Read(S001);
        Assert.Equal(reference.ch_names, recording.ChannelNames);
        Assert.Equal(reference.sfreq, recording.SamplingRate);
        Assert.Equal("EDF+C", recording.Info.Format);
        for (int c = 0; c < reference.ch_names.Length; c++)
        {
            var channel = recording.Channels[c];
            Assert.Equal(reference.n_times, channel.Samples.Length);
            Assert.Equal("uV", channel.Unit);
            for (int k = 0; k < reference.indices.Length; k++)
                Assert.Equal(reference.samples[c][k], channel.Samples[reference.indices[k]], 1e-9);
        }
        Assert.Equal(reference.annotations.Length, recording.Annotations.Count);
        for (int i = 0; i < reference.annotations.Length; i++)
        {
            Assert.Equal(reference.annotations[i].onset, recording.Annotations[i].Onset, 1e-12);
            Assert.Equal(reference.annotations[i].duration, recording.Annotations[i].Duration, 1e-12);
            Assert.Equal(reference.annotations[i].text, recording.Annotations[i].Text);
        }
        Assert.Equal(DateTime.Parse(reference.meas_date!, System.Globalization.CultureInfo.InvariantCulture), recording.Info.StartTime);
        Assert.Equal(61, recording.Info.RecordOnsets.Count);
        Assert.Equal(60.0, recording.Info.RecordOnsets[^1]);
    }

    [Fact]
    public void ReadsBdf24BitLikeMneAndDecodesStatusTriggers()
    {
        var reference = MneReference.Load("bdf", "synthetic_mne.json");
        var recording = EdfReader.Read(TestData.Path("bdf", "synthetic.bdf"));
        Assert.Equal("BDF", recording.Info.Format);
        Assert.Equal(reference.ch_names, recording.ChannelNames);
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal("uV", recording.Channels[c].Unit);
            for (int i = 0; i < reference.n_times; i++)
                Assert.Equal(reference.samples[c][i], recording.Channels[c].Samples[i], Math.Abs(reference.samples[c][i]) * 1e-12 + 1e-9);
        }
        var status = recording.Channels[3];
        Assert.False(status.IsVoltage);
        for (int i = 0; i < reference.n_times; i++)
            Assert.Equal((int)reference.samples[3][i] & 0xFFFF, (int)status.Samples[i] & 0xFFFF);
        Assert.Equal(
            [new EegAnnotation(10 / 64.0, 10 / 64.0, "Trigger 5"), new EegAnnotation(100 / 64.0, 1 / 64.0, "Trigger 3")],
            recording.Annotations);
    }

    [Fact]
    public void HeaderOnlyReadGivesSignalsAndRecords()
    {
        var header = EdfReader.ReadHeader(S001);
        Assert.Equal(65, header.Signals.Count);
        Assert.Equal(61, header.RecordCount);
        Assert.True(header.Signals[64].IsAnnotation);
        Assert.Equal(160, header.Signals[0].SamplesPerRecord);
    }

    [Fact]
    public void TruncatedFixedHeaderNamesFileAndSize()
    {
        string path = Corrupt("short.edf", bytes => bytes[..100]);
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Contains("short.edf", error.Message);
        Assert.Contains("100 bytes", error.Message);
    }

    [Fact]
    public void TruncatedSignalHeadersAreRejected()
    {
        string path = Corrupt("cut-signals.edf", bytes => bytes[..3000]);
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Contains("signal headers", error.Message);
    }

    [Fact]
    public void RecordCountDisagreeingWithFileSizeIsRejected()
    {
        string path = Corrupt("count.edf", bytes => Put(bytes, 236, "62      "));
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Contains("62 data records", error.Message);
        Assert.Contains("count.edf", error.Message);
    }

    [Fact]
    public void MissingTailIsRejected()
    {
        string path = Corrupt("tail.edf", bytes => bytes[..^10]);
        Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
    }

    [Fact]
    public void UnknownRecordCountIsTakenFromFileSize()
    {
        string path = Corrupt("unknown-count.edf", bytes => Put(bytes, 236, "-1      "));
        Assert.Equal(61, EdfReader.ReadHeader(path).RecordCount);
    }

    [Fact]
    public void NonNumericPhysicalMinimumNamesTheChannel()
    {
        // Physical minima start at 256 + 104·65; the third signal is "Fc1.".
        string path = Corrupt("physmin.edf", bytes => Put(bytes, 256 + 104 * 65 + 2 * 8, "abc     "));
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Equal("Fc1.", error.Channel);
        Assert.Contains("'abc'", error.Message);
    }

    [Fact]
    public void InvertedDigitalRangeNamesTheChannel()
    {
        string path = Corrupt("digmax.edf", bytes => Put(bytes, 256 + 128 * 65, "-32768  "));
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Equal("Fc5.", error.Channel);
        Assert.Contains("-32768", error.Message);
    }

    [Fact]
    public void HeaderSizeFieldMustMatchSignalCount()
    {
        string path = Corrupt("hsize.edf", bytes => Put(bytes, 184, "1024    "));
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Contains("1024", error.Message);
    }

    [Fact]
    public void NotAnEdfFile()
    {
        string path = Corrupt("text.edf", bytes => Put(bytes, 0, "hello   "));
        var error = Assert.Throws<EegFormatException>(() => EdfReader.Read(path));
        Assert.Contains("hello", error.Message);
    }

    internal static string Corrupt(string name, Func<byte[], byte[]> change)
    {
        string path = Path.Combine(TestData.TempDirectory(), name);
        File.WriteAllBytes(path, change(File.ReadAllBytes(S001)));
        return path;
    }

    private static byte[] Put(byte[] bytes, int offset, string text)
    {
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(bytes, offset);
        return bytes;
    }
}
