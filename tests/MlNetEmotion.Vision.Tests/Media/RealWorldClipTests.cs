using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Media;

/// <summary>Clip shapes met in the wild: phone rotation side data, odd sizes at 10 bits, MPEG-TS with audio ahead of
/// a video stream that starts near 1.47 s, audio-only files. Each clip is made by ffmpeg and checked against its decode.</summary>
public sealed class RealWorldClipTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Make(string name, params string[] args)
    {
        string path = System.IO.Path.Combine(_dir, name);
        TestData.Ffmpeg(["-y", .. args, path]);
        return path;
    }

    private static byte[][] Reference(string path, int width, int height)
    {
        // Every decoded frame once (ffmpeg's default for raw output would repeat frames to a constant rate).
        var all = TestData.Ffmpeg("-i", path, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        int size = width * height * 3;
        Assert.Equal(0, all.Length % size);
        return Enumerable.Range(0, all.Length / size).Select(i => all.AsSpan(i * size, size).ToArray()).ToArray();
    }

    [Fact]
    public void PhoneRotationSwapsTheReportedSizeAndFramesMatchFfmpeg()
    {
        string plain = Make("plain.mp4", "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=30", "-t", "0.5",
            "-c:v", "libx264", "-pix_fmt", "yuv420p");
        string rotated = Make("rotated.mp4", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90");
        using var reader = new VideoReader(rotated);
        Assert.Equal(90, reader.Info.RotationDegrees);
        Assert.Equal((48, 64), (reader.Info.Width, reader.Info.Height));
        var reference = Reference(rotated, 48, 64);
        var frames = reader.ReadFrames().ToList();
        Assert.Equal(15, frames.Count);
        Assert.Equal(reference.Length, frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal((48, 64), (frames[i].Image.Width, frames[i].Image.Height));
            Assert.Equal(reference[i], frames[i].Image.Pixels);
        }
        using var upright = new VideoReader(plain);
        Assert.Equal((0, 64, 48), (upright.Info.RotationDegrees, upright.Info.Width, upright.Info.Height));
    }

    [Fact]
    public void OddSizeTenBitClipMatchesFfmpeg()
    {
        string path = Make("odd.mkv", "-f", "lavfi", "-i", "testsrc2=size=64x32:rate=25", "-vf", "scale=33:17", "-t", "0.4",
            "-c:v", "ffv1", "-pix_fmt", "yuv420p10le");
        using var reader = new VideoReader(path);
        Assert.Equal((33, 17, 25.0, 10L), (reader.Info.Width, reader.Info.Height, reader.Info.FrameRate, reader.Info.FrameCount));
        var reference = Reference(path, 33, 17);
        var frames = reader.ReadFrames(FrameSampling.EveryNth(3)).ToList();
        Assert.Equal([0L, 3, 6, 9], frames.Select(f => f.Index));
        Assert.All(frames, f => Assert.Equal(reference[f.Index], f.Image.Pixels));
    }

    [Fact]
    public void SeekInMpegTsWithAudioAheadOfVideoLandsOnTheRequestedFrame()
    {
        string path = Make("clip.ts", "-f", "lavfi", "-i", "testsrc2=size=48x32:rate=30", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000", "-t", "8", "-c:v", "libx264", "-bf", "2", "-g", "45",
            "-pix_fmt", "yuv420p", "-c:a", "aac");
        using var reader = new VideoReader(path);
        Assert.InRange(reader.Info.StartSeconds, 1.0, 2.0); // MPEG-TS clocks start near 1.4 s, not 0
        var reference = Reference(path, 48, 32);
        Assert.Equal(240, reference.Length);
        // Before and beyond the demuxer-seek margin (3 s); ffmpeg's own -ss lands on frames 45 and garbage for 0.2 and 7.95.
        foreach (var (seconds, index) in new[] { (0.2, 6), (6.51, 196), (7.95, 239) })
        {
            var frame = reader.ReadFrameAt(seconds);
            Assert.Equal(index, frame.Index);
            Assert.Equal(index / 30.0, frame.TimestampSeconds, 9);
            Assert.Equal(reference[index], frame.Image.Pixels);
        }
        Assert.Throws<MediaException>(() => reader.ReadFrameAt(8.1));
        // A requested rate above the native one returns every frame once, never a duplicate.
        var fast = reader.ReadFrames(FrameSampling.AtRate(60), startSeconds: 7.5).ToList();
        Assert.Equal(Enumerable.Range(225, 15).Select(i => (long)i), fast.Select(f => f.Index));
        Assert.All(fast, f => Assert.Equal(reference[f.Index], f.Image.Pixels));
    }

    [Fact]
    public void VariableFrameRateClipUsesTheTrueFrameTimes()
    {
        // 30 fps for the first second, then every third frame (10 fps); ffprobe still reports r_frame_rate 30.
        string path = Make("vfr.mp4", "-f", "lavfi", "-i", "testsrc2=size=48x32:rate=30", "-t", "2",
            "-vf", "select='lt(t,1)+not(mod(n,3))'", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        var times = System.Text.Encoding.ASCII.GetString(TestData.Run("ffprobe", "-v", "error", "-select_streams", "v:0",
                "-show_entries", "frame=pts_time", "-of", "csv=p=0", path))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t.TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(40, times.Length);
        Assert.Equal(1.9, times[^1], 6);
        var reference = Reference(path, 48, 32);
        using var reader = new VideoReader(path);
        Assert.Equal(30.0, reader.Info.FrameRate);
        var all = reader.ReadFrames().ToList();
        Assert.Equal(40, all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            Assert.Equal(times[i] - times[0], all[i].TimestampSeconds, 6);
            Assert.Equal(reference[i], all[i].Image.Pixels);
        }
        // 4 fps: the first frame at or after each tick k / 4 of the true clock.
        var expected = Enumerable.Range(0, 8).Select(k => (long)Array.FindIndex(times, t => t - times[0] >= k / 4.0 - 1e-9)).ToList();
        var sampled = reader.ReadFrames(FrameSampling.AtRate(4)).ToList();
        Assert.Equal(expected, sampled.Select(f => f.Index));
        Assert.All(sampled, f => Assert.Equal(reference[f.Index], f.Image.Pixels));
        var late = reader.ReadFrameAt(1.45);
        Assert.Equal((35L, 1.5), (late.Index, Math.Round(late.TimestampSeconds, 6)));
        Assert.Equal(reference[35], late.Image.Pixels);
    }

    [Fact]
    public void AudioOnlyFileIsATypedErrorNamingTheFile()
    {
        string path = Make("voice.wav", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000", "-t", "0.2");
        var e = Assert.Throws<MediaException>(() => new VideoReader(path));
        Assert.Equal(path, e.FileName);
        Assert.Contains("no video stream", e.Message);
    }
}
