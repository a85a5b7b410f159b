using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Audio.Tests.IO;

/// <summary>Compressed audio and video audio tracks through the ffmpeg child process.</summary>
public class FfmpegTests
{
    [Theory]
    [InlineData("speech.flac", "flac", new string[0])]
    [InlineData("speech.mp3", "mp3", new[] { "-c:a", "libmp3lame", "-b:a", "64k" })]
    [InlineData("speech.ogg", "vorbis", new[] { "-c:a", "libvorbis" })]
    public void CompressedAudioEqualsFfmpegDecode(string name, string codec, string[] encode)
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, name);
        TestData.Ffmpeg(["-i", TestData.Speech, .. encode, path]);
        var audio = AudioFile.Read(path);
        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Equal(TestData.FfmpegDecode(path), audio.Samples);
        Assert.Equal(codec, AudioFile.Info(path).Codec);
        if (codec == "flac") Assert.Equal(WavReader.Read(TestData.Speech).Samples, audio.Samples); // lossless
        Directory.Delete(dir, true);
    }

    [Fact]
    public void AudioTrackOfAVideo()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "clip.mp4");
        TestData.Ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=64x48:r=10:d=2.99", "-i", TestData.Speech,
            "-c:v", "mpeg4", "-c:a", "aac", "-ac", "2", "-shortest", path);
        var info = AudioFile.Info(path);
        Assert.Equal("aac", info.Codec);
        Assert.Equal(2, info.Channels);
        Assert.Contains("mp4", info.Container);
        Assert.InRange(info.DurationSeconds, 2.9, 3.1);
        var audio = AudioFile.Read(path, new AudioReadOptions { Mono = true });
        Assert.Equal(1, audio.Channels);
        var reference = TestData.FfmpegDecode(path);
        Assert.Equal(reference.Length / 2, audio.FrameCount);
        Assert.Equal((reference[200] + reference[201]) / 2, audio.Samples[100], 6);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void DisposeKillsAndReapsTheChild()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "long.flac");
        TestData.Ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60", path);
        int pid;
        using (var stream = FfmpegAudioStream.Open(path))
        {
            pid = stream.ProcessId;
            Assert.True(stream.Read(new float[1024]) > 0);
        }
        // Killed and waited for: no process, not even a zombie, is left with that id.
        Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("ffmpeg"));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void CancellationStopsTheDecode()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "long.flac");
        TestData.Ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60", path);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => AudioFile.Read(path, cancellationToken: cts.Token));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void MissingFfmpegNamesTheDebianPackage()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "speech.flac");
        TestData.Ffmpeg("-i", TestData.Speech, path);
        var tools = new FfmpegTools { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" };
        var ex = Assert.Throws<FfmpegNotFoundException>(() => AudioFile.Read(path, new AudioReadOptions { Tools = tools }));
        Assert.Contains("Debian package 'ffmpeg'", ex.Message);
        Assert.Contains(path, ex.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void FileWithoutAudio()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "silent.mp4");
        TestData.Ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=64x48:r=10:d=1", "-c:v", "mpeg4", path);
        Assert.Equal("audio stream", Assert.Throws<AudioFormatException>(() => AudioFile.Read(path)).Field);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void UnsupportedWavEncodingFallsBackToFfmpeg()
    {
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "alaw.wav");
        TestData.Ffmpeg("-i", TestData.Speech, "-c:a", "pcm_alaw", path);
        Assert.Throws<UnsupportedAudioFormatException>(() => WavReader.Read(path));
        Assert.Equal(TestData.FfmpegDecode(path), AudioFile.Read(path).Samples);
        Assert.Equal("pcm_alaw", AudioFile.Info(path).Codec);
        Directory.Delete(dir, true);
    }
}
