using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Faces;

public class FaceTrackingTests
{
    private static readonly CascadeDetectionOptions Fast = new() { MinSize = 80 };

    private static VideoFrame Photo(long index) =>
        new(index, index / 8.0, ImageLoader.LoadRgb(TestData.Path("faces", "2008_002506.jpg")));

    private static VideoFrame Blank(long index) => new(index, index / 8.0, new Image<byte>(200, 150, 3));

    [Fact]
    public void TracksLargestFaceAndAppliesMissPolicy()
    {
        var cascade = CascadeClassifier.FrontalFaceDefault();
        VideoFrame[] frames = [Blank(0), Photo(1), Blank(2), Photo(3)];
        var expected = FaceTracker.Largest(cascade.DetectMultiScale(frames[1].Image, Fast))!.Value;
        Assert.True(expected.Width >= 80);

        var reuse = new FaceTracker(cascade, new FaceTrackingOptions { Detection = Fast }).Track(frames, "clip").ToList();
        Assert.Equal([1L, 2, 3], reuse.Select(t => t.Frame.Index));
        Assert.Equal([true, false, true], reuse.Select(t => t.Detected));
        Assert.All(reuse, t => Assert.Equal(expected, t.Box));

        var drop = new FaceTracker(cascade, new FaceTrackingOptions { Detection = Fast, OnMiss = MissedFacePolicy.DropFrame })
            .Track(frames, "clip").ToList();
        Assert.Equal([1L, 3], drop.Select(t => t.Frame.Index));

        var e = Assert.Throws<FaceNotFoundException>(() =>
            new FaceTracker(cascade, new FaceTrackingOptions { OnMiss = MissedFacePolicy.DropFrame }).Track([Blank(0), Blank(1)], "empty.mp4").ToList());
        Assert.Contains("empty.mp4", e.Message);
        Assert.Contains("2 frame", e.Message);
    }

    [Fact]
    public void SquareCropCentresOnTheBoxAndReplicatesEdges()
    {
        var region = FaceCropper.SquareRegion(new BoundingBox(10, 20, 30, 40), margin: 0.25);
        Assert.Equal(new BoundingBox(-5, 10, 60, 60), region);
        var image = new Image<byte>(4, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        var crop = FaceCropper.Crop(image, new BoundingBox(-1, -1, 6, 5));
        Assert.Equal(new byte[] { 1, 1, 2, 3, 4, 4 }, crop.Row(0).ToArray());
        Assert.Equal(new byte[] { 9, 9, 10, 11, 12, 12 }, crop.Row(4).ToArray());
        var face = FaceCropper.CropSquare(MlNetEmotion.Vision.Tests.Processing.ResizeTests.LoadPhoto(), new BoundingBox(329, 78, 109, 109), 56);
        var reference = Netpbm.Read(TestData.Path("resize", "face_area_56x56.pgm"));
        Assert.True(face.Pixels.Zip(reference.Pixels).All(p => Math.Abs(p.First - p.Second) <= 1));
    }
}
