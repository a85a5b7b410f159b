using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Data;
using MlNetEmotion.Vision.Expression;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Vision.Tests.Expression;

public class FaceExpressionPipelineTests
{
    public sealed class PathRow
    {
        public string Faces { get; set; } = "";
    }

    private static readonly string[] ClipInputs = ["astronaut_face", "random_0", "dlib_face"];

    private static ImageSequence Clip(params string[] inputs) =>
        new([.. inputs.Select(ExpressionFixture.Image)], [.. inputs.Select((_, i) => i / 8.0)]);

    /// <summary>A view with one image-sequence column <c>Faces</c> (an object column, which ML.NET's LoadFromEnumerable cannot declare).</summary>
    private static IDataView Data(params ImageSequence[] clips)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Faces", ImageSequenceColumn.Type);
        return new InMemoryDataView(builder.ToSchema(), [clips]);
    }

    [Fact]
    public void MeanPoolingAveragesFaceApisOutputsOverTheClip()
    {
        var ml = new MLContext(1);
        var data = Data(Clip(ClipInputs), Clip("random_1"));
        var output = ml.Transforms.Vision.FaceExpressionFeatures().Fit(data).Transform(data);

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 7), output.Schema["Expression"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 256), output.Schema["ExpressionEmbedding"].Type);
        var probabilities = output.GetColumn<float[]>("Expression").ToList();
        var embeddings = output.GetColumn<float[]>("ExpressionEmbedding").ToList();

        // face-api's per-face outputs (expected.json), averaged: the pooling adds no error beyond the network's.
        AssertClose(Average(ClipInputs.Select(ExpressionFixture.Probabilities)), probabilities[0]);
        AssertClose(Average(ClipInputs.Select(ExpressionFixture.Embedding)), embeddings[0]);
        AssertClose(ExpressionFixture.Probabilities("random_1"), probabilities[1]);
        AssertClose(ExpressionFixture.Embedding("random_1"), embeddings[1]);
    }

    [Fact]
    public void NoPoolingKeepsEveryFrameAndAllowsEmptyClips()
    {
        var ml = new MLContext(1);
        var data = Data(Clip(ClipInputs), Clip());
        var output = ml.Transforms.Vision.FaceExpressionFeatures("Expr", options: new FaceExpressionOptions { Pooling = FaceExpressionPooling.None })
            .Fit(data).Transform(data);

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 0, 7), output.Schema["Expr"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 0, 256), output.Schema["ExprEmbedding"].Type);
        var probabilities = output.GetColumn<float[]>("Expr").ToList();
        var embeddings = output.GetColumn<float[]>("ExprEmbedding").ToList();
        var direct = ExpressionFixture.Net.Predict([.. ClipInputs.Select(ExpressionFixture.Image)]);
        Assert.Equal(direct.SelectMany(r => r.Probabilities), probabilities[0]);
        Assert.Equal(direct.SelectMany(r => r.Embedding), embeddings[0]);
        Assert.Empty(probabilities[1]);
        Assert.Empty(embeddings[1]);
    }

    [Fact]
    public void EmptyClipCannotBeAveragedAndTheErrorNamesColumnAndRow()
    {
        var ml = new MLContext(1);
        var data = Data(Clip("random_0"), Clip());
        var output = ml.Transforms.Vision.FaceExpressionFeatures().Fit(data).Transform(data);
        var e = Assert.Throws<DataValidationException>(() => output.GetColumn<float[]>("Expression").ToList());
        Assert.Equal("Faces", e.ColumnName);
        Assert.Equal(1, e.Row);
    }

    [Fact]
    public void SavedModelLoadsAndGivesTheSameColumns()
    {
        var ml = new MLContext(1);
        var data = Data(Clip(ClipInputs));
        var model = ml.Transforms.Vision.FaceExpressionFeatures("E", options: new FaceExpressionOptions { Pooling = FaceExpressionPooling.None }).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadPipeline(stream, out _).Transform(data);

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 0, 7), loaded.Schema["E"].Type);
        Assert.Equal(model.Transform(data).GetColumn<float[]>("E").Single(), loaded.GetColumn<float[]>("E").Single());
        Assert.Equal(model.Transform(data).GetColumn<float[]>("EEmbedding").Single(), loaded.GetColumn<float[]>("EEmbedding").Single());
    }

    [Fact]
    public void ATextColumnIsASchemaErrorNamingTheColumn()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new PathRow { Faces = "clip.mp4" } });
        var e = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Vision.FaceExpressionFeatures().Fit(data).Transform(data));
        Assert.Contains("Faces", e.Message);
        Assert.Contains("ImageSequence", e.Message);
    }

    private static float[] Average(IEnumerable<float[]> rows)
    {
        var list = rows.ToList();
        return [.. Enumerable.Range(0, list[0].Length).Select(i => list.Average(r => r[i]))];
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f, $"[{i}]: {actual[i]} vs face-api {expected[i]}");
    }
}
