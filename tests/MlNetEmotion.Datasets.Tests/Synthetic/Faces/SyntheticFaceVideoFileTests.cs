using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Faces;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Media;
using Xunit.Abstractions;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Faces;

public sealed class SyntheticFaceVideoFileTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mlne-faces-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void FacesSurviveH264AndAreStillFound()
    {
        // The corpus path: generate, encode with VideoWriter (H.264, CRF 18), decode with VideoReader, detect. Measured:
        // worst mean absolute error of a frame 3.3 grey levels (mostly the sensor noise of standard deviation 3 that the
        // codec smooths away, and yuv420p chroma subsampling)
        // and every checked frame found with IoU >= 0.5.
        var frames = SyntheticFaceVideo.Frames(2, 6, 1, AffectState.ForEavClass("Anger"), 1.0).ToList();
        string path = Path.Combine(_dir, "s06_t01.mp4");
        Assert.Equal(25, VideoWriter.Save(path, frames.Select(f => f.Image), new VideoWriterOptions { FrameRate = 25 }));

        using var reader = new VideoReader(path);
        Assert.Equal(25, reader.Info.FrameRate);
        var decoded = reader.ReadFrames().ToList();
        Assert.Equal(frames.Count, decoded.Count);
        var cascade = CascadeClassifier.FrontalFaceDefault();
        double worst = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            worst = Math.Max(worst, frames[i].Image.Pixels.Zip(decoded[i].Image.Pixels, (a, b) => Math.Abs(a - b)).Average());
            if (i % 6 != 0) continue;
            var boxes = cascade.DetectMultiScale(decoded[i].Image, new CascadeDetectionOptions { MinSize = 30 });
            Assert.Contains(boxes, b => b.IntersectionOverUnion(frames[i].Face) >= 0.5);
        }
        output.WriteLine($"worst mean abs error {worst:F2}");
        Assert.True(worst < 5, $"worst mean abs error {worst:F2} >= 5");
    }
}
