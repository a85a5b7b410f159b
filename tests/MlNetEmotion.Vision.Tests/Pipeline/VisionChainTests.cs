using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Data;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;
using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Pipeline;

/// <summary>ReadFrames → DetectAndCropFaces → Resize → Normalize on a real clip, checked against the building blocks
/// called directly (bit-identical: same code paths, no tolerance).</summary>
public class VisionChainTests(PipelineClipFixture clips) : IClassFixture<PipelineClipFixture>
{
    private static readonly FaceCropOptions Crop = new() { Size = 64, Margin = 0.1 };

    private IDataView Rows(MLContext ml, params string[] paths) =>
        ml.Data.LoadFromEnumerable(paths.Select(p => new VideoRow { VideoPath = p }).ToArray());

    private static IEstimator<ITransformer> Chain(MLContext ml, FaceCropOptions crop, NormalizationKind kind = NormalizationKind.ZeroToOne) =>
        ml.Transforms.Vision.ReadFrames(options: new FrameReadOptions { FramesPerSecond = 5 })
            .Append(ml.Transforms.Vision.DetectAndCropFaces(options: crop, boxesColumnName: "Boxes"))
            .Append(ml.Transforms.Vision.Resize("Small", "Faces", 48, 40, ResizeInterpolation.Bilinear))
            .Append(ml.Transforms.Vision.Normalize("Pixels", "Small", kind));

    /// <summary>The pre-flight shape of <paramref name="schema"/>, as ML.NET hands it to estimators.</summary>
    private static SchemaShape ShapeOf(DataViewSchema schema) => new(schema.Select(c => SchemaShapes.Column(c.Name, c.Type)));

    /// <summary>The reference: VideoReader, FaceTracker and FaceCropper called directly.</summary>
    private List<(VideoFrame Frame, BoundingBox Box, Image<byte> Face)> Direct(FaceCropOptions crop)
    {
        using var reader = new VideoReader(clips.Clip);
        var tracker = new FaceTracker(CascadeClassifier.FrontalFaceDefault(), crop.ToTrackingOptions());
        var frames = reader.ReadFrames(FrameSampling.AtRate(5)).Select(f => crop.Grey ? f with { Image = f.Image.ToGrey() } : f);
        return tracker.Track(frames, clips.Clip)
            .Select(t => (t.Frame, t.Box, FaceCropper.CropSquare(t.Frame.Image, t.Box, crop.Size, crop.Margin, crop.Interpolation))).ToList();
    }

    private static float[] ChannelFirst(Image<float> image)
    {
        int plane = image.Width * image.Height;
        var chw = new float[plane * image.Channels];
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < image.Channels; c++) chw[c * plane + p] = image.Pixels[p * image.Channels + c];
        return chw;
    }

    [Theory]
    [InlineData(MissedFacePolicy.ReuseLastBox, 8)]
    [InlineData(MissedFacePolicy.DropFrame, 6)]
    public void ChainEqualsTheBuildingBlocksCalledDirectly(MissedFacePolicy policy, int expectedFrames)
    {
        var ml = new MLContext(1);
        var crop = new FaceCropOptions { Size = Crop.Size, Margin = Crop.Margin, OnMiss = policy };
        var output = Chain(ml, crop).Fit(Rows(ml, clips.Clip)).Transform(Rows(ml, clips.Clip)).ToInMemory();
        var faces = output.GetColumn<ImageSequence>("Faces").Single();
        var boxes = output.GetColumn<int[]>("Boxes").Single();
        var small = output.GetColumn<ImageSequence>("Small").Single();
        var pixels = output.GetColumn<float[]>("Pixels").Single();

        // 5 fps of 10 fps: frames 0, 2, ..., 14; frames 6 and 8 (0.6 s, 0.8 s) are black.
        var direct = Direct(crop);
        Assert.Equal(expectedFrames, direct.Count);
        Assert.Equal(expectedFrames, faces.Count);
        double[] times = policy == MissedFacePolicy.DropFrame ? [0, 0.2, 0.4, 1.0, 1.2, 1.4] : [0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4];
        Assert.Equal(times.Length, faces.Timestamps.Count);
        for (int i = 0; i < times.Length; i++) Assert.Equal(times[i], faces.Timestamps[i], 1e-9);
        Assert.Equal(faces.Timestamps, small.Timestamps);

        Assert.Equal(direct.SelectMany(d => new[] { d.Box.X, d.Box.Y, d.Box.Width, d.Box.Height }), boxes);
        Assert.InRange(direct[0].Box.Width, 30, 70); // the astronaut's face fills about a third to a half of the 112-px frame
        // The chain declares frames as varying ([0, 3, 40, 48]); materialising one clip settles them.
        var declared = Chain(ml, crop).Fit(Rows(ml, clips.Clip)).GetOutputSchema(Rows(ml, clips.Clip).Schema);
        Assert.Equal([0, 3, 40, 48], ((VectorDataViewType)declared["Pixels"].Type).Dimensions.ToArray());
        var type = Assert.IsType<VectorDataViewType>(output.Schema["Pixels"].Type);
        Assert.Equal([expectedFrames, 3, 40, 48], type.Dimensions.ToArray());
        Assert.Equal(expectedFrames * 3 * 40 * 48, pixels.Length);
        for (int i = 0; i < direct.Count; i++)
        {
            Assert.Equal(direct[i].Face.Pixels, faces.Images[i].Pixels);
            var resized = ImageResize.Resize(direct[i].Face, 48, 40, ResizeInterpolation.Bilinear);
            Assert.Equal(resized.Pixels, small.Images[i].Pixels);
            var expected = ChannelFirst(ImageNormalization.Normalize(resized, NormalizationKind.ZeroToOne));
            Assert.Equal(expected, pixels.AsSpan(i * expected.Length, expected.Length).ToArray());
        }
        Assert.InRange(pixels.Min(), 0f, 0.2f);
        Assert.InRange(pixels.Max(), 0.8f, 1f);
    }

    [Fact]
    public void GreyCropsGiveOneChannelAndImageNetNeedsRgb()
    {
        var ml = new MLContext(1);
        var crop = new FaceCropOptions { Size = 64, Grey = true };
        var output = Chain(ml, crop, NormalizationKind.MinusOneToOne).Fit(Rows(ml, clips.Clip)).Transform(Rows(ml, clips.Clip)).ToInMemory();
        var faces = output.GetColumn<ImageSequence>("Faces").Single();
        var direct = Direct(crop);
        Assert.Equal(direct.Count, faces.Count);
        for (int i = 0; i < direct.Count; i++) Assert.Equal(direct[i].Face.Pixels, faces.Images[i].Pixels);
        Assert.Equal([direct.Count, 1, 40, 48], ((VectorDataViewType)output.Schema["Pixels"].Type).Dimensions.ToArray());
        var pixels = output.GetColumn<float[]>("Pixels").Single();
        Assert.InRange(pixels.Min(), -1f, -0.6f);
        Assert.InRange(pixels.Max(), 0.6f, 1f);

        var e = Assert.Throws<SchemaMismatchException>(() => Chain(ml, crop, NormalizationKind.ImageNet).Fit(Rows(ml, clips.Clip)));
        Assert.Equal("Small", e.ColumnName);
        Assert.Contains("RGB", e.Message);
    }

    [Fact]
    public void ImageNetNormalisationIsChannelFirstTorchvision()
    {
        var ml = new MLContext(1);
        var output = Chain(ml, Crop, NormalizationKind.ImageNet).Fit(Rows(ml, clips.Photo)).Transform(Rows(ml, clips.Photo)).ToInMemory();
        var small = output.GetColumn<ImageSequence>("Small").Single().Images.Single();
        var pixels = output.GetColumn<float[]>("Pixels").Single();
        // (v / 255 - mean_c) / std_c at channel c, row y, column x: index c·H·W + y·W + x.
        foreach (var (y, x, c) in new[] { (0, 0, 0), (17, 23, 1), (39, 47, 2) })
        {
            float expected = (small[y, x, c] / 255f - ImageNormalization.ImageNetMean[c]) / ImageNormalization.ImageNetStd[c];
            Assert.Equal(expected, pixels[c * 40 * 48 + y * 48 + x]);
        }
    }

    [Fact]
    public void NoFaceInAnyFrameNamesTheFile()
    {
        var ml = new MLContext(1);
        var data = Rows(ml, clips.BlackClip);
        var output = ml.Transforms.Vision.ReadFrames().Append(ml.Transforms.Vision.DetectAndCropFaces(options: new FaceCropOptions { OnMiss = MissedFacePolicy.DropFrame }))
            .Fit(data).Transform(data);
        var e = Assert.Throws<FaceNotFoundException>(() => output.GetColumn<ImageSequence>("Faces").Single());
        Assert.Equal(clips.BlackClip, e.Source);
        Assert.Equal(5, e.FramesSearched);
        Assert.Contains("black.mp4", e.Message);
    }

    [Fact]
    public void ColumnsAreCheckedByNameAndType()
    {
        var ml = new MLContext(1);
        var data = Rows(ml, clips.Photo);
        var missing = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.DetectAndCropFaces().Fit(data));
        Assert.Equal("Frames", missing.ColumnName);
        var wrongType = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.Resize("Small", "VideoPath").Fit(data));
        Assert.Equal("VideoPath", wrongType.ColumnName);
        Assert.Contains("ImageSequence", wrongType.Message);
        // Shape-level checks report the same before any data.
        var shape = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.ReadFrames().Append(ml.Transforms.Vision.Normalize(inputColumnName: "Face")).GetOutputSchema(ShapeOf(data.Schema)));
        Assert.Equal("Face", shape.ColumnName);

        // Raw frames have no fixed size: Normalize asks for a resize first.
        var unsized = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.ReadFrames().Append(ml.Transforms.Vision.Normalize(inputColumnName: "Frames")).Fit(data));
        Assert.Equal("Frames", unsized.ColumnName);
        Assert.Contains("Resize", unsized.Message);
        var sized = ml.Transforms.Vision.ReadFrames().Append(ml.Transforms.Vision.Resize("Frames", width: 32, height: 24)).Append(ml.Transforms.Vision.Normalize(inputColumnName: "Frames"))
            .Fit(data).Transform(data);
        Assert.Equal([0, 3, 24, 32], ((VectorDataViewType)sized.Schema["Pixels"].Type).Dimensions.ToArray());
        Assert.Equal(3 * 24 * 32, sized.GetColumn<float[]>("Pixels").Single().Length);
    }
}
