using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Media;

public class VideoReaderTests(ClipFixture clip) : IClassFixture<ClipFixture>
{
    [Fact]
    public void ProbeReportsSizeRateDurationAndCount()
    {
        using var reader = new VideoReader(clip.Path);
        Assert.Equal(ClipFixture.Width, reader.Info.Width);
        Assert.Equal(ClipFixture.Height, reader.Info.Height);
        Assert.Equal(30.0, reader.Info.FrameRate);
        Assert.Equal(ClipFixture.Frames, reader.Info.FrameCount);
        Assert.Equal(ClipFixture.Frames, clip.Reference.Length);
        Assert.InRange(reader.Info.DurationSeconds, 1.99, 2.01);
    }

    [Fact]
    public void AllFramesEqualFfmpeg()
    {
        using var reader = new VideoReader(clip.Path);
        var frames = reader.ReadFrames().ToList();
        Assert.Equal(clip.Reference.Length, frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(i, frames[i].Index);
            Assert.Equal(i / 30.0, frames[i].TimestampSeconds, 9);
            Assert.Equal(clip.Reference[i], frames[i].Image.Pixels);
        }
    }

    [Theory]
    [InlineData(8.0)]
    [InlineData(5.0)]
    [InlineData(7.3)]
    public void RequestedRateKeepsFirstFrameAtOrAfterEachTick(double rate)
    {
        // Independent statement of the rule: tick k at k / rate maps to frame ceil(k * 30 / rate).
        var expected = new SortedSet<long>();
        for (int k = 0; k * 30 / rate < ClipFixture.Frames - 1e-9; k++)
            expected.Add((long)Math.Ceiling(k * 30 / rate - 1e-9));
        using var reader = new VideoReader(clip.Path);
        var frames = reader.ReadFrames(FrameSampling.AtRate(rate)).ToList();
        Assert.Equal(expected, frames.Select(f => f.Index));
        foreach (var f in frames)
        {
            Assert.Equal(f.Index / 30.0, f.TimestampSeconds, 9);
            Assert.Equal(clip.Reference[f.Index], f.Image.Pixels);
        }
        if (rate == 8.0) Assert.Equal([0L, 4, 8, 12, 15, 19, 23, 27, 30], frames.Take(9).Select(f => f.Index));
    }

    [Fact]
    public void EverySixthFrameAsInEav()
    {
        using var reader = new VideoReader(clip.Path);
        var frames = reader.ReadFrames(FrameSampling.EveryNth(6)).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 6L * i), frames.Select(f => f.Index));
        Assert.All(frames, f => Assert.Equal(clip.Reference[f.Index], f.Image.Pixels));
    }

    [Theory]
    [InlineData(1.0, 30)]
    [InlineData(0.51, 16)]
    [InlineData(1.9, 57)]
    public void SeekReturnsFirstFrameAtOrAfterTime(double seconds, int expectedIndex)
    {
        using var reader = new VideoReader(clip.Path);
        var frame = reader.ReadFrameAt(seconds);
        Assert.Equal(expectedIndex, frame.Index);
        Assert.Equal(clip.Reference[expectedIndex], frame.Image.Pixels);
        var sampled = reader.ReadFrames(FrameSampling.EveryNth(6), startSeconds: seconds).Select(f => f.Index).ToList();
        var expected = Enumerable.Range(0, ClipFixture.Frames).Where(i => i % 6 == 0 && i >= expectedIndex).Select(i => (long)i);
        Assert.Equal(expected, sampled);
    }

    [Fact]
    public void Y4mReaderNeedsNoFfmpegAndMatchesItsConversion()
    {
        string y4m = System.IO.Path.Combine(clip.Directory, "clip.y4m");
        TestData.Ffmpeg("-y", "-i", clip.Path, "-frames:v", "5", "-pix_fmt", "yuv420p", y4m);
        var reference = TestData.FfmpegRaw(y4m, "rgb24");
        using var reader = new Y4mReader(y4m);
        var frames = reader.ReadFrames().ToList();
        Assert.Equal(5, frames.Count);
        Assert.Equal(30.0, reader.FrameRate);
        int size = ClipFixture.Width * ClipFixture.Height * 3, worst = 0;
        double sum = 0;
        for (int f = 0; f < frames.Count; f++)
            for (int i = 0; i < size; i++)
            {
                int d = Math.Abs(frames[f].Image.Pixels[i] - reference[f * size + i]);
                worst = Math.Max(worst, d);
                sum += d;
            }
        Assert.True(worst <= 4, $"max |diff| {worst}");
        Assert.True(sum / (5.0 * size) < 1.0, $"mean |diff| {sum / (5.0 * size)}");
    }
}
