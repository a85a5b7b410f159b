using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Data;
using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Pipeline;

public class ImageSequenceTests
{
    /// <summary>Declares a fixed size but passes the images through unchanged.</summary>
    private sealed record DeclaresTenByTen : ImageSequenceOperation
    {
        public override ImageShape OutputShape(ImageShape input) => new(3, 10, 10);

        protected override Func<Image<byte>, Image<byte>> ForRow(long row) => image => image;

        public override void Write(BinaryWriter writer) { }
    }

    [Fact]
    public void TimestampsMustMatchTheImages()
    {
        var image = new Image<byte>(2, 2, 3);
        var e = Assert.Throws<ArgumentException>(() => new ImageSequence([image, image], [0.0]));
        Assert.Contains("1 timestamps for 2 images", e.Message);
        Assert.Throws<ArgumentNullException>(() => new ImageSequence(null!, []));
        Assert.Equal(2, new ImageSequence([image, image], [0.0, 0.1]).Count);
    }

    [Fact]
    public void NormalizeRejectsAnImageOfAnotherSizeNamingColumnRowAndFile()
    {
        var ml = new MLContext(1);
        var photo = TestData.Path("expression", "astronaut_head.png");
        var rows = ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = photo } });
        var lying = new ImageSequenceTransformer("Frames", "Frames", new DeclaresTenByTen());
        var output = ml.Transforms.Vision.ReadFrames().Append(new StatelessEstimator<ImageSequenceTransformer>(lying, lying.GetOutputShape))
            .Append(ml.Transforms.Vision.Normalize(inputColumnName: "Frames")).Fit(rows).Transform(rows);
        Assert.Equal([0, 3, 10, 10], ((VectorDataViewType)output.Schema["Pixels"].Type).Dimensions.ToArray());
        var e = Assert.Throws<DataValidationException>(() => output.GetColumn<float[]>("Pixels").Single());
        Assert.Equal(("Frames", 0L), (e.ColumnName, e.Row));
        Assert.Contains("astronaut_head.png", e.Message);
        Assert.Contains("3x224x224", e.Message);
    }

    [Fact]
    public void UnknownSavedOperationIsReported()
    {
        using var reader = new BinaryReader(new MemoryStream());
        var e = Assert.Throws<InvalidDataException>(() => ImageSequenceOperation.Read("TwirlOperation", reader));
        Assert.Contains("TwirlOperation", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResizeOperation(0, 10, ResizeInterpolation.Area));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentOperation(new AugmentationOptions { CropFraction = 0 }, 1));
    }
}
