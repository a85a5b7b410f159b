using System.Buffers.Binary;
using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Audio.Tests.IO;

/// <summary>Malformed and lying WAV files raise typed errors that name the file and the field.</summary>
public class BadInputTests
{
    private static readonly byte[] Speech = File.ReadAllBytes(TestData.Speech);

    // speech_16k.wav: canonical 44-byte header, fmt at 12, data chunk header at 36.
    private static AudioFormatException ReadPatched(Action<byte[]> patch, int? length = null, string expectedField = "")
    {
        var bytes = Speech.AsSpan(0, length ?? Speech.Length).ToArray();
        patch(bytes);
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "bad.wav");
        File.WriteAllBytes(path, bytes);
        var ex = Assert.ThrowsAny<AudioFormatException>(() => WavReader.Read(path));
        Assert.Equal(path, ex.File);
        Assert.Contains(path, ex.Message);
        Assert.Equal(expectedField, ex.Field);
        Directory.Delete(dir, true);
        return ex;
    }

    [Fact]
    public void TruncatedHeader() => ReadPatched(_ => { }, length: 10, expectedField: "RIFF header");

    [Fact]
    public void NotRiff() => ReadPatched(b => b[0] = (byte)'X', expectedField: "RIFF header");

    [Fact]
    public void NotWave() => ReadPatched(b => b[8] = (byte)'X', expectedField: "RIFF form type");

    [Fact]
    public void TruncatedFileBehindAnHonestHeader() => ReadPatched(_ => { }, length: Speech.Length - 1000, expectedField: "RIFF size");

    [Fact]
    public void DataChunkBeyondTheFile()
    {
        var ex = ReadPatched(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(40), 200_000), expectedField: "data chunk size");
        Assert.Contains("200000", ex.Message);
    }

    [Fact]
    public void MissingDataChunk() => ReadPatched(b => b[36] = (byte)'D', expectedField: "data chunk");

    [Fact]
    public void UnsupportedFormatCode()
    {
        var ex = ReadPatched(b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(20), 6), expectedField: "fmt chunk: format tag");
        Assert.IsType<UnsupportedAudioFormatException>(ex);
        Assert.Contains("0x0006", ex.Message);
    }

    [Fact]
    public void UnsupportedBitDepth() =>
        Assert.IsType<UnsupportedAudioFormatException>(ReadPatched(b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(34), 12), expectedField: "fmt chunk: bits per sample"));

    [Fact]
    public void LyingBlockAlign() => ReadPatched(b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(32), 4), expectedField: "fmt chunk: block align");

    [Fact]
    public void ZeroChannels() => ReadPatched(b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(22), 0), expectedField: "fmt chunk: channels");

    [Fact]
    public void ZeroSampleRate() => ReadPatched(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(24), 0), expectedField: "fmt chunk: sample rate");

    [Fact]
    public void PartialFrame() => ReadPatched(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(40), 1001), expectedField: "data chunk size");

    [Fact]
    public void ZeroLengthAudio()
    {
        var ex = ReadPatched(b =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 36);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(40), 0);
        }, length: 44, expectedField: "data chunk");
        Assert.Contains("zero-length", ex.Message);
    }

    [Fact]
    public void NonFiniteSamples()
    {
        var samples = new float[100];
        samples[42] = float.NaN;
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "nan.wav");
        WavWriter.Write(path, new AudioBuffer(samples, 8000, 2), AudioSampleFormat.Float32);
        var ex = Assert.Throws<AudioFormatException>(() => WavReader.Read(path));
        Assert.Equal("sample 21 (channel 0)", ex.Field);
        Assert.Contains(path, ex.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void SampleRateOptionDisagreeingWithTheFile()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioFile.Read(TestData.Speech, new AudioReadOptions { SampleRate = 8000 }));
        Assert.Equal("sample rate", ex.Field);
        Assert.Contains("16000", ex.Message);
        Assert.Contains("8000", ex.Message);
        Assert.Equal(16000, AudioFile.Read(TestData.Speech, new AudioReadOptions { SampleRate = 16000 }).SampleRate);
    }

    [Fact]
    public void RawPcmNeedsARateAndWholeFrames()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "speech.raw");
        File.WriteAllBytes(path, Speech.AsSpan(44, 1001).ToArray());
        Assert.Equal("sample rate option", Assert.Throws<AudioFormatException>(() => AudioFile.Read(path)).Field);
        Assert.Equal("file size", Assert.Throws<AudioFormatException>(() => AudioFile.Read(path, new AudioReadOptions { SampleRate = 16000 })).Field);
        File.WriteAllBytes(path, Speech.AsSpan(44).ToArray());
        var raw = AudioFile.Read(path, new AudioReadOptions { SampleRate = 16000 });
        Assert.Equal(WavReader.Read(TestData.Speech).Samples, raw.Samples);
        File.WriteAllBytes(path, []);
        Assert.Contains("zero-length", Assert.Throws<AudioFormatException>(() => AudioFile.Read(path, new AudioReadOptions { SampleRate = 16000 })).Message);
        Directory.Delete(dir, true);
    }
}
