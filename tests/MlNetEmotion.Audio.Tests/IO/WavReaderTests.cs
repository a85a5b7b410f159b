using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Audio.Tests.IO;

/// <summary>WAV files of every supported sample format, made by ffmpeg from the LibriVox speech, read exactly as
/// ffmpeg decodes them.</summary>
public class WavReaderTests
{
    // Three distinct channels so interleaving and channel order are checked.
    private const string ThreeChannels = "pan=3c|c0=c0|c1=0.5*c0|c2=-0.25*c0";

    [Theory]
    [InlineData("pcm_u8", 1, false, AudioSampleFormat.UInt8)]
    [InlineData("pcm_s16le", 1, false, AudioSampleFormat.Int16)]
    [InlineData("pcm_s24le", 1, false, AudioSampleFormat.Int24)]
    [InlineData("pcm_s32le", 1, false, AudioSampleFormat.Int32)]
    [InlineData("pcm_f32le", 1, false, AudioSampleFormat.Float32)]
    [InlineData("pcm_f64le", 1, false, AudioSampleFormat.Float64)]
    [InlineData("pcm_s16le", 3, false, AudioSampleFormat.Int16)]
    [InlineData("pcm_s24le", 3, false, AudioSampleFormat.Int24)]
    [InlineData("pcm_f32le", 3, false, AudioSampleFormat.Float32)]
    [InlineData("pcm_s16le", 1, true, AudioSampleFormat.Int16)]
    [InlineData("pcm_f64le", 3, true, AudioSampleFormat.Float64)]
    public void EverySampleFormatEqualsFfmpegDecode(string codec, int channels, bool rf64, AudioSampleFormat expectedFormat)
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, $"speech_{codec}_{channels}{(rf64 ? "_rf64" : "")}.wav");
        var args = new List<string> { "-i", TestData.Speech, "-c:a", codec };
        if (channels == 3) args.AddRange(["-af", ThreeChannels]);
        if (rf64) args.AddRange(["-rf64", "always"]);
        args.Add(path);
        TestData.Ffmpeg([.. args]);

        var header = WavReader.ReadHeader(path);
        Assert.Equal(expectedFormat, header.SampleFormat);
        Assert.Equal(channels, header.Channels);
        Assert.Equal(16000, header.SampleRate);
        Assert.Equal(rf64, header.IsRf64);
        if (channels == 3) Assert.True(header.IsExtensible);

        var audio = WavReader.Read(path);
        Assert.Equal(channels, audio.Channels);
        Assert.Equal(47840, audio.FrameCount);
        Assert.Equal(TestData.FfmpegDecode(path), audio.Samples); // bit-exact
        Directory.Delete(dir, true);
    }

    [Fact]
    public void MonoMixIsTheMeanOfChannels()
    {
        var audio = new AudioBuffer([0.5f, -0.25f, 1f, 0.25f, 0.5f, 0f], 8000, 3);
        Assert.Equal(new[] { 1.25f / 3, 0.25f }, audio.ToMono());
        Assert.Equal(new[] { -0.25f, 0.5f }, audio.Channel(1));
        Assert.Equal(2, audio.FrameCount);
    }

    [Fact]
    public void InfoOfTheSpeechFile()
    {
        var info = AudioFile.Info(TestData.Speech);
        Assert.Equal(new AudioInfo(16000, 1, 2.99, "pcm_s16le", "wav"), info);
    }
}
