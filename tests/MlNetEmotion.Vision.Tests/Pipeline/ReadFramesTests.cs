using MlNetEmotion.Data;
using MlNetEmotion.Vision.Media;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Vision.Tests.Pipeline;

public class ReadFramesTests(PipelineClipFixture clips) : IClassFixture<PipelineClipFixture>
{
    private static ImageSequence Read(MLContext ml, string path, FrameReadOptions? options = null)
    {
        var data = ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = path } });
        return ml.Transforms.Vision.ReadFrames(options: options).Fit(data).Transform(data).GetColumn<ImageSequence>("Frames").Single();
    }

    [Fact]
    public void EveryFrameMatchesFfmpegsDecodeWithTimestamps()
    {
        var frames = Read(new MLContext(1), clips.Clip);
        Assert.Equal(PipelineClipFixture.Frames, frames.Count);
        Assert.Equal(Enumerable.Range(0, PipelineClipFixture.Frames).Select(i => i / 10.0), frames.Timestamps);
        Assert.Equal(clips.Clip, frames.Source);
        Assert.Equal(PipelineClipFixture.Frames, clips.Reference.Length);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal((PipelineClipFixture.Side, PipelineClipFixture.Side, 3), (frames.Images[i].Width, frames.Images[i].Height, frames.Images[i].Channels));
            Assert.True(clips.Reference[i].AsSpan().SequenceEqual(frames.Images[i].Pixels), $"frame {i} differs from ffmpeg's decode");
        }
    }

    [Theory]
    [InlineData(5.0, 1, 0.0, null, null, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4 })]
    [InlineData(null, 6, 0.0, null, null, new[] { 0.0, 0.6, 1.2 })]
    [InlineData(null, 1, 0.5, 0.5, null, new[] { 0.5, 0.6, 0.7, 0.8, 0.9 })]
    [InlineData(8.0, 1, 0.0, null, 3, new[] { 0.0, 0.2, 0.3 })]
    [InlineData(null, 3, 0.7, 0.6, null, new[] { 0.9, 1.2 })]
    public void OptionsSelectFramesAtTheirTrueTimes(double? fps, int every, double start, double? duration, int? max, double[] expected)
    {
        var options = new FrameReadOptions { FramesPerSecond = fps, EveryNthFrame = every, StartSeconds = start, DurationSeconds = duration, MaxFrames = max };
        var frames = Read(new MLContext(1), clips.Clip, options);
        Assert.Equal(expected.Length, frames.Count);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], frames.Timestamps[i], 1e-9);

        // Pixels are ffmpeg's decode of the source frames at those times (after a seek too).
        for (int i = 0; i < frames.Count; i++) Assert.Equal(clips.Reference[(int)Math.Round(frames.Timestamps[i] * 10)], frames.Images[i].Pixels);
    }

    [Fact]
    public void StillImageIsOneFrameAtTimeZero()
    {
        var frames = Read(new MLContext(1), clips.Photo, new FrameReadOptions { FramesPerSecond = 8 });
        Assert.Equal([0.0], frames.Timestamps);
        Assert.Equal(ImageLoader.LoadRgb(clips.Photo).Pixels, frames.Images[0].Pixels);
    }

    [Fact]
    public void FilesAreReadOnlyWhenTheCursorAsksAndErrorsNameTheFile()
    {
        var ml = new MLContext(1);
        string missing = Path.Combine(clips.Directory, "missing.mp4");
        var data = ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = missing }, new VideoRow { VideoPath = clips.NotAVideo } });
        var output = ml.Transforms.Vision.ReadFrames().Fit(data).Transform(data); // nothing is read yet
        Assert.Equal(2, output.GetColumn<string>("VideoPath").Count());  // other columns read without touching the files

        var notFound = Assert.Throws<FileNotFoundException>(() => output.GetColumn<ImageSequence>("Frames").First());
        Assert.Contains(missing, notFound.Message);
        var rows = ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = clips.NotAVideo } });
        var media = Assert.Throws<MediaException>(() => ml.Transforms.Vision.ReadFrames().Fit(rows).Transform(rows).GetColumn<ImageSequence>("Frames").First());
        Assert.Contains(clips.NotAVideo, media.Message);

        var empty = Assert.Throws<MediaException>(() => Read(ml, clips.Clip, new FrameReadOptions { StartSeconds = 5 }));
        Assert.Contains(clips.Clip, empty.Message);
    }

    [Fact]
    public void BadOptionsAndColumnsAreRejectedUpFront()
    {
        var ml = new MLContext(1);
        var both = Assert.Throws<ArgumentException>(() => ml.Transforms.Vision.ReadFrames(options: new FrameReadOptions { FramesPerSecond = 8, EveryNthFrame = 6 }));
        Assert.Contains("EveryNthFrame", both.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.Vision.ReadFrames(options: new FrameReadOptions { MaxFrames = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.Vision.ReadFrames(options: new FrameReadOptions { DurationSeconds = -1 }));

        var data = ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = clips.Clip } });
        var missing = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.ReadFrames(inputColumnName: "Video").Fit(data));
        Assert.Equal("Video", missing.ColumnName);
        var frames = ml.Transforms.Vision.ReadFrames().Fit(data).Transform(data);
        var wrongType = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.ReadFrames("Again", "Frames").Fit(frames));
        Assert.Equal("Frames", wrongType.ColumnName);
        Assert.Contains("Text", wrongType.Message);
    }
}
