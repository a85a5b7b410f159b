using MlNetEmotion.Data;
using MlNetEmotion.Models.GlimpseTraining;

namespace MlNetEmotion.Models.Tests.GlimpseTraining;

public class GlimpseTrainerTests
{
    private static (MLContext Ctx, IDataView Data, ITransformer Model) Fit(IEstimator<ITransformer> trainer, int seed = 3)
    {
        var ctx = new MLContext(seed);
        var data = ctx.Data.LoadFromEnumerable(GlimpseRows.Make());
        return (ctx, data, GlimpseRows.Pipeline(ctx, trainer).Fit(data));
    }

    private static IEstimator<ITransformer> Trainer(MLContext ctx, string model) => model switch
    {
        "vis" => ctx.MulticlassClassification.Trainers.VisEegLstm(GlimpseRows.Vis()),
        _ => ctx.MulticlassClassification.Trainers.HierarchicalLstm(GlimpseRows.Hierarchical()),
    };

    private static int[] Bits(IDataView scored, string column) =>
        [.. scored.GetColumn<float[]>(column).SelectMany(s => s).Select(BitConverter.SingleToInt32Bits)];

    [Fact]
    public void Vis_eeg_lstm_scores_and_plots_band_attention_and_frames()
    {
        var (_, data, model) = Fit(new MLContext().MulticlassClassification.Trainers.VisEegLstm(GlimpseRows.Vis()));
        var scored = model.Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Score"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 4, 3), scored.Schema["BandAttention"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 4), scored.Schema["FramesRead"].Type);
        Assert.Null(scored.Schema.GetColumnOrNull("LayerAttention"));
        var lengths = scored.GetColumn<int>("Length").ToArray();
        var frames = scored.GetColumn<float[]>("FramesRead").ToArray();
        var bands = scored.GetColumn<float[]>("BandAttention").ToArray();
        foreach (var s in scored.GetColumn<float[]>("Score")) Assert.Equal(1.0, s.Sum(), 5);
        for (int r = 0; r < frames.Length; r++)
        {
            Assert.Equal(0f, frames[r][0]);
            int read = frames[r].Count(f => f >= 0);
            Assert.All(frames[r].Take(read), f => Assert.InRange(f, 0, lengths[r] - 1));
            Assert.All(frames[r].Skip(read), f => Assert.Equal(-1f, f));
            for (int n = 0; n < read; n++) Assert.Equal(1.0, bands[r].Skip(3 * n).Take(3).Sum(), 5);
        }
    }

    [Fact]
    public void Hierarchical_lstm_plots_layer_attention_over_its_layers()
    {
        var (_, data, model) = Fit(new MLContext().MulticlassClassification.Trainers.HierarchicalLstm(GlimpseRows.Hierarchical()));
        var scored = model.Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 5, 2), scored.Schema["LayerAttention"].Type);
        var frames = scored.GetColumn<float[]>("FramesRead").ToArray();
        var layers = scored.GetColumn<float[]>("LayerAttention").ToArray();
        for (int r = 0; r < frames.Length; r++)
            for (int n = 0; n < frames[r].Count(f => f >= 0); n++) Assert.Equal(1.0, layers[r].Skip(2 * n).Take(2).Sum(), 5);
    }

    [Theory]
    [InlineData("vis")]
    [InlineData("hierarchical")]
    public void Same_seed_gives_bit_identical_scores(string model)
    {
        int[] Run()
        {
            var ctx = new MLContext(11);
            var (_, data, fitted) = Fit(Trainer(ctx, model), 11);
            var scored = fitted.Transform(data);
            return [.. Bits(scored, "Score"), .. Bits(scored, "BandAttention")];
        }
        Assert.Equal(Run(), Run());
    }

    [Theory]
    [InlineData("vis")]
    [InlineData("hierarchical")]
    public void Saved_pipeline_scores_bit_identically(string model)
    {
        var ctx = new MLContext(4);
        var (_, data, fitted) = Fit(Trainer(ctx, model));
        var stream = new MemoryStream();
        ctx.Model.SavePipeline(fitted, data.Schema, stream);
        stream.Position = 0;
        var loaded = ctx.Model.LoadPipeline(stream, out _);
        foreach (var column in new[] { "Score", "BandAttention", "FramesRead" })
            Assert.Equal(Bits(fitted.Transform(data), column), Bits(loaded.Transform(data), column));
        Assert.Equal(fitted.Transform(data).GetColumn<uint>("PredictedLabel"), loaded.Transform(data).GetColumn<uint>("PredictedLabel"));
    }

    [Fact]
    public void Prediction_engine_matches_the_batched_view()
    {
        var ctx = new MLContext(2);
        var (_, data, fitted) = Fit(Trainer(ctx, "hierarchical"));
        var engine = ctx.Model.CreatePredictionEngine<GlimpseRows.Row, Prediction>(fitted);
        var first = GlimpseRows.Make()[0];
        var batched = fitted.Transform(data).GetColumn<float[]>("Score").First();
        Assert.Equal(batched.Select(BitConverter.SingleToInt32Bits), engine.Predict(first).Score.Select(BitConverter.SingleToInt32Bits));
    }

    public sealed class Prediction
    {
        public float[] Score { get; set; } = [];

        public float[] LayerAttention { get; set; } = [];
    }

    [Fact]
    public void Wrong_tensor_shape_names_the_column()
    {
        var ctx = new MLContext(1);
        var data = ctx.Data.LoadFromEnumerable(GlimpseRows.Make());
        var trainer = ctx.MulticlassClassification.Trainers.VisEegLstm(GlimpseRows.Vis(o => o.FeatureColumnNames = ["Faces", "Topomaps"]));
        var error = Assert.Throws<SchemaMismatchException>(() => GlimpseRows.Pipeline(ctx, trainer).Fit(data));
        Assert.Contains("'Faces'", error.Message);
    }

    [Fact]
    public void Nan_face_feature_names_row_and_column()
    {
        var ctx = new MLContext(1);
        var rows = GlimpseRows.Make();
        rows[7].Faces[3] = float.NaN;
        var data = ctx.Data.LoadFromEnumerable(rows);
        var trainer = ctx.MulticlassClassification.Trainers.HierarchicalLstm(GlimpseRows.Hierarchical());
        var error = Assert.Throws<DataValidationException>(() => GlimpseRows.Pipeline(ctx, trainer).Fit(data));
        Assert.Equal("Faces", error.ColumnName);
        Assert.Equal(7, error.Row);
    }
}
