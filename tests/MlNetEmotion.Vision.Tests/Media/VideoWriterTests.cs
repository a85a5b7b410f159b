using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Media;

public sealed class VideoWriterTests : IDisposable
{
    private const int Width = 64, Height = 48, Count = 20;
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Smooth moving colour waves: lossy codecs keep such content within a few grey levels.</summary>
    internal static Image<byte> Frame(int t, int width = Width, int height = Height)
    {
        var image = new Image<byte>(width, height, 3);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++)
                    image[y, x, c] = (byte)(120 + 10 * c + (70 - 15 * c) * Math.Sin(2 * Math.PI * (x / 48.0 + y / 64.0 + t / 25.0)));
        return image;
    }

    [Theory]
    [InlineData(".mp4", 3.0)]
    [InlineData(".mkv", 3.0)]
    [InlineData(".avi", 3.5)]
    public void RoundTripKeepsCountSizeRateAndPixels(string extension, double maxMeanAbsError)
    {
        // Measured worst mean absolute error of a frame: H.264 at CRF 18 1.96 grey levels, MPEG-4 at q 3 2.04 (mostly
        // yuv420p chroma subsampling and rounding through limited-range YUV); the bounds leave about 1.5x headroom.
        string path = Path.Combine(_dir, "waves" + extension);
        var frames = Enumerable.Range(0, Count).Select(t => Frame(t)).ToList();
        Assert.Equal(Count, VideoWriter.Save(path, frames, new VideoWriterOptions { FrameRate = 25 }));

        using var reader = new VideoReader(path);
        Assert.Equal((Width, Height), (reader.Info.Width, reader.Info.Height));
        Assert.Equal(25.0, reader.Info.FrameRate, 6);
        var decoded = reader.ReadFrames().ToList();
        Assert.Equal(Count, decoded.Count);
        for (int i = 0; i < Count; i++)
        {
            double error = frames[i].Pixels.Zip(decoded[i].Image.Pixels, (a, b) => Math.Abs(a - b)).Average();
            Assert.True(error < maxMeanAbsError, $"frame {i}: mean abs error {error:F2} >= {maxMeanAbsError}");
        }
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void TargetIsReplacedOnlyWhenComplete()
    {
        string path = Path.Combine(_dir, "clip.mp4");
        File.WriteAllText(path, "old");
        using (var writer = new VideoWriter(path, Width, Height))
        {
            for (int t = 0; t < 5; t++) writer.Write(Frame(t));
            Assert.Equal("old", File.ReadAllText(path));
            writer.Complete();
            Assert.Equal(5, writer.FrameCount);
        }
        using var reader = new VideoReader(path);
        Assert.Equal(5, reader.Info.FrameCount);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void BadArgumentsNameTheFileAndWhatWasExpected()
    {
        string path = Path.Combine(_dir, "bad.mp4");
        Assert.Contains("even width and height", Assert.Throws<ArgumentException>(() => new VideoWriter(path, 63, 48)).Message);
        Assert.Contains("use .mp4, .mkv or .avi", Assert.Throws<ArgumentException>(() => new VideoWriter(Path.Combine(_dir, "x.gif"), 64, 48)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VideoWriter(path, 64, 48, new VideoWriterOptions { ConstantRateFactor = 60 }));
        using (var writer = new VideoWriter(path, Width, Height))
        {
            var e = Assert.Throws<ArgumentException>(() => writer.Write(Frame(0, 32, 48)));
            Assert.Contains(path, e.Message);
            Assert.Contains("expected 64x48", e.Message);
            Assert.Throws<InvalidOperationException>(writer.Complete);
        }
        Assert.Throws<ArgumentException>(() => VideoWriter.Save(path, []));
        Assert.Empty(Directory.GetFiles(_dir));
    }
}

/// <summary>Counts this process's ffmpeg children and changes the environment, so it runs alone.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class VideoWriterLifetimeTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AbandonedWriterLeavesNoFileAndNoChildProcess()
    {
        string path = Path.Combine(_dir, "abandoned.mp4");
        using (var writer = new VideoWriter(path, 64, 48))
        {
            writer.Write(VideoWriterTests.Frame(0));
            Assert.Single(TestData.FfmpegChildren());
        }
        Assert.Empty(TestData.FfmpegChildren());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void MissingFfmpegNamesTheDebianPackage()
    {
        Environment.SetEnvironmentVariable(Ffmpeg.DirectoryVariable, _dir);
        try
        {
            var e = Assert.Throws<FfmpegNotFoundException>(() => new VideoWriter(Path.Combine(_dir, "x.mp4"), 64, 48));
            Assert.Contains("apt-get install ffmpeg", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Ffmpeg.DirectoryVariable, null);
        }
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
