using MlNetEmotion.Data;
using MlNetEmotion.Vision.Features;
using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Tests.Expression;

namespace MlNetEmotion.Vision.Tests.Features;

/// <summary>FaceFeatureMaps → AlignFaceSequences as ML.NET steps: output types, the dropped-frame count, and a saved
/// pipeline that scores bit-identically.</summary>
public class FaceFeaturePipelineTests
{
    /// <summary>One clip of 4 frames at 8 fps whose frame 1 had no face: Faces holds frames 0, 2, 3.</summary>
    private static IDataView Data()
    {
        var images = ExpressionFixture.Inputs.Select(ExpressionFixture.Image).ToArray();
        var frames = new ImageSequence([images[0], images[1], images[2], images[3]], [0, 0.125, 0.25, 0.375]);
        var faces = new ImageSequence([images[0], images[2], images[3]], [0, 0.25, 0.375]);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Frames", ImageSequenceColumn.Type);
        builder.AddColumn("Faces", ImageSequenceColumn.Type);
        builder.AddColumn("Valence", new VectorDataViewType(NumberDataViewType.Single, 4));
        builder.AddColumn("Arousal", new VectorDataViewType(NumberDataViewType.Single, 4));
        return new InMemoryDataView(builder.ToSchema(),
            [new[] { frames }, new[] { faces }, new[] { new VBuffer<float>(4, [0.1f, 0.2f, 0.3f, 0.4f]) }, new[] { new VBuffer<float>(4, [-0.1f, -0.2f, -0.3f, -0.4f]) }]);
    }

    [Fact]
    public void ChainPadsCountsAndSavesBitIdentically()
    {
        var ml = new MLContext(1);
        var data = Data();
        var model = ml.Transforms.Vision.FaceFeatureMaps(options: new FaceFeatureMapOptions { Stage = 4, PoolSize = 7 })
            .Append(ml.Transforms.Vision.AlignFaceSequences(options: new FaceSequenceAlignmentOptions { Frames = 5 }))
            .Fit(data);
        var output = model.Transform(data);

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 5, 256, 1, 1), output.Schema["Features"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 5, 2), output.Schema["Label"].Type);
        Assert.Equal((3, 1), (output.GetColumn<int>("Length").Single(), output.GetColumn<int>("MissedFaces").Single()));
        Assert.Equal([0.1f, -0.1f, 0.3f, -0.3f, 0.4f, -0.4f, 0, 0, 0, 0], output.GetColumn<float[]>("Label").Single());
        var features = output.GetColumn<float[]>("Features").Single();
        var embedding = ExpressionFixture.Embedding(ExpressionFixture.Inputs[2]);   // the second kept face
        for (int i = 0; i < 256; i++) Assert.True(Math.Abs(embedding[i] - features[256 + i]) <= 1e-4f, $"slot {i}");
        Assert.All(features[(3 * 256)..], v => Assert.Equal(0f, v));

        using var stream = new MemoryStream();
        ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadPipeline(stream, out _).Transform(data);
        Assert.Equal(features, loaded.GetColumn<float[]>("Features").Single());
        Assert.Equal(1, loaded.GetColumn<int>("MissedFaces").Single());
    }
}
