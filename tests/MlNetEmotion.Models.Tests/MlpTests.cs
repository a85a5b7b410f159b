using MlNetEmotion.Data;
using MlNetEmotion.Models.Mlp;

namespace MlNetEmotion.Models.Tests;

public class MlpTests
{
    public sealed class Row
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public string Class { get; set; } = "";

        public float Target { get; set; }

        [VectorType(2)]
        public float[] Targets { get; set; } = [];
    }

    /// <summary>Three Gaussian blobs in 2-D; targets are linear functions of the features.</summary>
    internal static List<Row> Blobs(int perClass = 60, int seed = 1)
    {
        var random = new Random(seed);
        (float, float)[] centres = [(0, 0), (3, 0), (0, 3)];
        var rows = new List<Row>();
        for (int i = 0; i < perClass * 3; i++)
        {
            var (cx, cy) = centres[i % 3];
            float x = cx + (float)(random.NextDouble() - 0.5), y = cy + (float)(random.NextDouble() - 0.5);
            rows.Add(new Row { Features = [x, y], Class = $"c{i % 3}", Target = 0.2f * x - 0.1f * y, Targets = [0.2f * x, -0.1f * y] });
        }
        return rows;
    }

    internal static (MLContext, IDataView, IEstimator<ITransformer>) Classifier(int seed = 7)
    {
        var ctx = new MLContext(seed);
        var data = ctx.Data.LoadFromEnumerable(Blobs());
        var pipeline = ctx.Transforms.Conversion.MapValueToKey("Label", "Class")
            .Append(ctx.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenSizes = [16], Epochs = 60, LearningRate = 0.01 }));
        return (ctx, data, pipeline);
    }

    [Fact]
    public void Classifier_separates_blobs()
    {
        var (ctx, data, pipeline) = Classifier();
        var model = pipeline.Fit(data);
        var metrics = ctx.MulticlassClassification.EvaluateExtended(model.Transform(data)).Standard;
        Assert.True(metrics.MicroAccuracy > 0.95, $"accuracy {metrics.MicroAccuracy}");
        Assert.True(metrics.LogLoss < 0.3, $"log-loss {metrics.LogLoss}");
        var scores = model.Transform(data).GetColumn<float[]>("Score").First();
        Assert.Equal(1.0, scores.Sum(), 5);
        Assert.Equal(["c0", "c1", "c2"], KeyColumns.ClassNames(model.Transform(data).Schema["PredictedLabel"]));
    }

    [Fact]
    public void Same_seed_gives_bit_identical_scores()
    {
        float[] Run()
        {
            var (_, data, pipeline) = Classifier(seed: 3);
            return pipeline.Fit(data).Transform(data).GetColumn<float[]>("Score").SelectMany(s => s).ToArray();
        }
        Assert.Equal(Run().Select(BitConverter.SingleToInt32Bits), Run().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Saved_classifier_predicts_bit_identically()
    {
        var (ctx, data, pipeline) = Classifier();
        var model = pipeline.Fit(data);
        var stream = new MemoryStream();
        ctx.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ctx.Model.LoadPipeline(stream, out _);
        Assert.Equal(model.Transform(data).GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits),
                     loaded.Transform(data).GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(model.Transform(data).GetColumn<uint>("PredictedLabel"), loaded.Transform(data).GetColumn<uint>("PredictedLabel"));
    }

    [Fact]
    public void Class_absent_from_training_is_named()
    {
        var ctx = new MLContext(1);
        var data = ctx.Data.LoadFromEnumerable(Blobs());
        var keyed = ctx.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(data).Transform(data);
        var withoutC2 = ctx.Data.SelectRows(keyed, Enumerable.Range(0, 180).Where(i => i % 3 != 2));
        var e = Assert.Throws<DataValidationException>(() => ctx.MulticlassClassification.Trainers.Mlp().Fit(withoutC2));
        Assert.Contains("class 'c2'", e.Message);
        Assert.Equal("Label", e.ColumnName);
    }

    [Fact]
    public void Non_finite_feature_is_named_with_row_and_slot()
    {
        var ctx = new MLContext(1);
        var rows = Blobs(5);
        rows[4].Features[1] = float.PositiveInfinity;
        var data = ctx.Data.LoadFromEnumerable(rows);
        var pipeline = ctx.Transforms.Conversion.MapValueToKey("Label", "Class").Append(ctx.MulticlassClassification.Trainers.Mlp());
        var e = Assert.Throws<DataValidationException>(() => pipeline.Fit(data));
        Assert.Equal(4, e.Row);
        Assert.Contains("slot 1", e.Message);
    }

    [Fact]
    public void Text_label_is_rejected_before_training()
    {
        var ctx = new MLContext(1);
        var data = ctx.Data.LoadFromEnumerable(Blobs(3));
        var e = Assert.Throws<SchemaMismatchException>(() => ctx.MulticlassClassification.Trainers.Mlp(new MlpOptions { LabelColumnName = "Class" }).Fit(data));
        Assert.Equal("Class", e.ColumnName);
        Assert.Contains("key", e.Expected);
    }

    [Fact]
    public void Regressor_fits_linear_targets_scalar_and_vector()
    {
        var ctx = new MLContext(11);
        var data = ctx.Data.LoadFromEnumerable(Blobs());
        var options = new MlpRegressionOptions { HiddenSizes = [16], Epochs = 80, LearningRate = 0.01, LabelColumnName = "Target" };
        var scalar = ctx.Regression.Trainers.Mlp(options).Fit(data).Transform(data);
        var m1 = ctx.Regression.EvaluateExtended(scalar, "Target");
        Assert.True(m1.ConcordanceCorrelation > 0.95, $"CCC {m1.ConcordanceCorrelation}");
        Assert.Equal(m1.Scores.MeanSquaredError, m1.Standard!.MeanSquaredError, 9);

        options.LabelColumnName = "Targets";
        options.TanhOutput = true;
        var vector = ctx.Regression.Trainers.Mlp(options).Fit(data).Transform(data);
        Assert.IsType<VectorDataViewType>(vector.Schema["Score"].Type);
        var m2 = ctx.Regression.EvaluateExtended(vector, "Targets").Scores;
        Assert.Equal(2, m2.PerTarget.Count);
        Assert.True(m2.PerTarget.All(t => t.ConcordanceCorrelation > 0.9), string.Join(", ", m2.PerTarget.Select(t => t.ConcordanceCorrelation)));
    }
}
