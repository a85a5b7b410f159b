using System.Text.Json;
using MlNetEmotion.Data;
using MlNetEmotion.Evaluation;

namespace MlNetEmotion.Core.Tests;

/// <summary>Metrics against scikit-learn 1.2.1 / SciPy values in data/core/metrics_fixtures.json, to 1e-9 absolute.</summary>
public class MetricsTests
{
    private const double Tolerance = 1e-9;

    public static IEnumerable<object[]> Cases(string kind)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestRows.DataPath("metrics_fixtures.json")));
        int index = 0;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            if (c.GetProperty("kind").GetString() == kind) yield return [index];
            index++;
        }
    }

    private static JsonElement Case(int index) =>
        JsonDocument.Parse(File.ReadAllText(TestRows.DataPath("metrics_fixtures.json"))).RootElement[index];

    [Theory]
    [MemberData(nameof(Cases), "multiclass")]
    public void Multiclass_metrics_match_scikit_learn(int index)
    {
        var c = Case(index);
        int k = c.GetProperty("classes").GetInt32();
        var truth = c.GetProperty("truth").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var probabilities = c.GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        var m = MulticlassMetricsCalculator.Compute(truth, predicted, probabilities, Enumerable.Range(0, k).Select(i => $"c{i}").ToArray());
        AssertMatchesFixture(c, m);
    }

    /// <summary>The same fixtures through ML.NET: a scored view (key label with class names, key prediction, score
    /// vector) evaluated by <c>EvaluateExtended</c>, whose ML.NET part must agree with ours on accuracy. The fixture's
    /// probabilities are float32 values, so the Single score column holds them exactly.</summary>
    [Theory]
    [MemberData(nameof(Cases), "multiclass")]
    public void EvaluateExtended_on_a_scored_view_matches_scikit_learn(int index)
    {
        var c = Case(index);
        int k = c.GetProperty("classes").GetInt32();
        var truth = c.GetProperty("truth").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var probabilities = c.GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray();
        var names = Enumerable.Range(0, k).Select(i => $"c{i}").ToArray();
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", KeyColumns.Type(k), KeyColumns.Annotations(names));
        builder.AddColumn("PredictedLabel", KeyColumns.Type(k), KeyColumns.Annotations(names));
        builder.AddColumn("Score", new VectorDataViewType(NumberDataViewType.Single, k));
        var scored = new InMemoryDataView(builder.ToSchema(),
        [
            truth.Select(t => (uint)(t + 1)).ToArray(),
            predicted.Select(p => (uint)(p + 1)).ToArray(),
            probabilities.Select(p => new VBuffer<float>(k, p)).ToArray(),
        ]);
        var metrics = new MLContext(seed: 1).MulticlassClassification.EvaluateExtended(scored);
        AssertMatchesFixture(c, metrics.Scores);
        Assert.Equal(metrics.Scores.MicroAccuracy, metrics.Standard.MicroAccuracy, 1e-12);
        Assert.Equal(metrics.Scores.MacroAccuracy, metrics.Standard.MacroAccuracy, 1e-12);
        Assert.Equal(c.GetProperty("macro_f1").GetDouble(), metrics.MacroF1, Tolerance);
        Assert.Equal(c.GetProperty("kappa").GetDouble(), metrics.CohenKappa, Tolerance);
        var confusion = c.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) Assert.Equal(confusion[i][j], metrics.Standard.ConfusionMatrix.Counts[i][j]);
    }

    /// <summary>The same fixtures through ML.NET's LoadFromEnumerable and MapValueToKey: labels as text classes, keyed
    /// by ML.NET with a fixed key order (by value).</summary>
    [Theory]
    [MemberData(nameof(Cases), "multiclass")]
    public void EvaluateExtended_after_ml_net_MapValueToKey_matches_scikit_learn(int index)
    {
        var c = Case(index);
        int k = c.GetProperty("classes").GetInt32();
        var truth = c.GetProperty("truth").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var probabilities = c.GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray();
        var ml = new MLContext(seed: 1);
        var rows = truth.Select((t, i) => new ScoredRow { Truth = $"c{t}", Predicted = $"c{predicted[i]}", Score = probabilities[i] }).ToList();
        var schema = SchemaDefinition.Create(typeof(ScoredRow));
        schema["Score"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var keys = Enumerable.Range(0, k).Select(i => new ClassName { Value = $"c{i}" }).ToList();
        var keyData = ml.Data.LoadFromEnumerable(keys);
        var scored = ml.Transforms.Conversion.MapValueToKey("Label", "Truth", keyData: keyData)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "Predicted", keyData: keyData))
            .Fit(data).Transform(data);
        var metrics = ml.MulticlassClassification.EvaluateExtended(scored);
        AssertMatchesFixture(c, metrics.Scores);
        Assert.Equal(metrics.Scores.MicroAccuracy, metrics.Standard.MicroAccuracy, 1e-12);
        Assert.Equal(Enumerable.Range(0, k).Select(i => $"c{i}"), metrics.Scores.Counts.ClassNames);
    }

    public sealed class ScoredRow
    {
        public string Truth { get; set; } = "";

        public string Predicted { get; set; } = "";

        public float[] Score { get; set; } = [];
    }

    public sealed class ClassName
    {
        public string Value { get; set; } = "";
    }

    private static void AssertMatchesFixture(JsonElement c, ClassificationScores m)
    {
        int k = c.GetProperty("classes").GetInt32();

        Assert.Equal(c.GetProperty("accuracy").GetDouble(), m.MicroAccuracy, Tolerance);
        Assert.Equal(c.GetProperty("balanced_accuracy").GetDouble(), m.MacroAccuracy, Tolerance);
        Assert.Equal(c.GetProperty("macro_f1").GetDouble(), m.MacroF1, Tolerance);
        Assert.Equal(c.GetProperty("weighted_f1").GetDouble(), m.WeightedF1, Tolerance);
        Assert.Equal(c.GetProperty("kappa").GetDouble(), m.CohenKappa, Tolerance);
        Assert.Equal(c.GetProperty("log_loss").GetDouble(), m.LogLoss, Tolerance);
        Assert.Equal(c.GetProperty("macro_auc").GetDouble(), m.MacroAuc, Tolerance);
        AssertAll(c.GetProperty("precision"), m.PerClassPrecision);
        AssertAll(c.GetProperty("recall"), m.PerClassRecall);
        AssertAll(c.GetProperty("f1"), m.PerClassF1);
        var confusion = c.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToArray();
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) Assert.Equal(confusion[i][j], m.Counts[i, j]);
    }

    [Theory]
    [MemberData(nameof(Cases), "regression")]
    public void Regression_metrics_match_scikit_learn_and_lin_ccc(int index)
    {
        var c = Case(index);
        var truth = c.GetProperty("truth").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        var m = RegressionMetricsCalculator.Compute(truth, predicted, truth.Select((_, i) => $"t{i}").ToArray());
        var expected = c.GetProperty("targets").EnumerateArray().ToArray();
        AssertMatchesFixture(expected, m, Tolerance);
    }

    /// <summary>EvaluateExtended on a scored view: its values equal the calculator's on the same (Single) values to
    /// 1e-9, and the fixture's (computed from doubles) to what rounding to Single allows; one target uses scalar
    /// columns (ML.NET's metrics included), two targets vector columns with slot names.</summary>
    [Theory]
    [MemberData(nameof(Cases), "regression")]
    public void Regression_EvaluateExtended_on_a_scored_view_matches(int index)
    {
        var c = Case(index);
        var truth = c.GetProperty("truth").EnumerateArray().Select(r => r.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(r => r.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray();
        int targets = truth.Length, n = truth[0].Length;
        var builder = new DataViewSchema.Builder();
        Array labels, scores;
        if (targets == 1)
        {
            builder.AddColumn("Label", NumberDataViewType.Single);
            builder.AddColumn("Score", NumberDataViewType.Single);
            labels = truth[0];
            scores = predicted[0];
        }
        else
        {
            var names = Enumerable.Range(0, targets).Select(t => $"t{t}").ToArray();
            builder.AddColumn("Label", new VectorDataViewType(NumberDataViewType.Single, targets), KeyColumns.SlotNameAnnotations(names));
            builder.AddColumn("Score", new VectorDataViewType(NumberDataViewType.Single, targets));
            labels = Enumerable.Range(0, n).Select(i => new VBuffer<float>(targets, truth.Select(t => t[i]).ToArray())).ToArray();
            scores = Enumerable.Range(0, n).Select(i => new VBuffer<float>(targets, predicted.Select(p => p[i]).ToArray())).ToArray();
        }
        var metrics = new MLContext(seed: 1).Regression.EvaluateExtended(new InMemoryDataView(builder.ToSchema(), [labels, scores]));
        var onSingles = RegressionMetricsCalculator.Compute(truth.Select(t => t.Select(v => (double)v).ToArray()).ToArray(),
            predicted.Select(p => p.Select(v => (double)v).ToArray()).ToArray(), metrics.Scores.PerTarget.Select(t => t.Target).ToArray());
        for (int t = 0; t < targets; t++)
        {
            Assert.Equal(onSingles.PerTarget[t].MeanSquaredError, metrics.Scores.PerTarget[t].MeanSquaredError, Tolerance);
            Assert.Equal(onSingles.PerTarget[t].ConcordanceCorrelation, metrics.Scores.PerTarget[t].ConcordanceCorrelation, Tolerance);
            Assert.Equal(onSingles.PerTarget[t].PearsonCorrelation, metrics.Scores.PerTarget[t].PearsonCorrelation, Tolerance);
        }
        AssertMatchesFixture(c.GetProperty("targets").EnumerateArray().ToArray(), metrics.Scores, 1e-5);
        if (targets == 1)
        {
            Assert.NotNull(metrics.Standard);
            Assert.Equal(metrics.Scores.MeanAbsoluteError, metrics.Standard.MeanAbsoluteError, 1e-6);
        }
        else
        {
            Assert.Null(metrics.Standard);
            Assert.Equal(["t0", "t1"], metrics.Scores.PerTarget.Select(t => t.Target));
        }
    }

    private static void AssertMatchesFixture(JsonElement[] expected, RegressionScores m, double tolerance)
    {
        for (int t = 0; t < expected.Length; t++)
        {
            var e = expected[t];
            var got = m.PerTarget[t];
            Assert.Equal(e.GetProperty("mse").GetDouble(), got.MeanSquaredError, tolerance);
            Assert.Equal(Math.Sqrt(e.GetProperty("mse").GetDouble()), got.RootMeanSquaredError, tolerance);
            Assert.Equal(e.GetProperty("mae").GetDouble(), got.MeanAbsoluteError, tolerance);
            Assert.Equal(e.GetProperty("r2").GetDouble(), got.RSquared, tolerance);
            Assert.Equal(e.GetProperty("pearson").GetDouble(), got.PearsonCorrelation, tolerance);
            Assert.Equal(e.GetProperty("ccc").GetDouble(), got.ConcordanceCorrelation, tolerance);
        }
        Assert.Equal(expected.Average(e => e.GetProperty("ccc").GetDouble()), m.ConcordanceCorrelation, tolerance);
    }

    [Fact]
    public void Ccc_is_one_for_identity_and_penalises_bias_unlike_pearson()
    {
        double[] x = [0.1, -0.4, 0.7, 0.2, -0.9];
        var same = RegressionMetricsCalculator.ComputeTarget("v", x, x);
        Assert.Equal(1, same.ConcordanceCorrelation, 12);
        var shifted = RegressionMetricsCalculator.ComputeTarget("v", x, x.Select(v => v + 0.5).ToArray());
        Assert.Equal(1, shifted.PearsonCorrelation, 12);
        Assert.True(shifted.ConcordanceCorrelation < 0.8);
    }

    [Fact]
    public void Confusion_table_prints_counts_recall_and_precision()
    {
        var m = MulticlassMetricsCalculator.Compute([0, 0, 1, 1, 2], [0, 1, 1, 1, 2], null, ["Low", "Medium", "High"]);
        string table = m.Counts.GetFormattedConfusionTable();
        Assert.Contains("Low", table);
        Assert.Contains("0.5000", table);
        Assert.Contains("0.6667", table);
        Assert.True(double.IsNaN(m.LogLoss));
    }

    [Fact]
    public void Out_of_range_class_names_the_row()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassMetricsCalculator.Compute([0, 3], [0, 1], null, ["a", "b"]));
        Assert.Contains("Row 1", e.Message);
    }

    private static void AssertAll(JsonElement expected, IReadOnlyList<double> actual)
    {
        var e = expected.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(e.Length, actual.Count);
        for (int i = 0; i < e.Length; i++) Assert.Equal(e[i], actual[i], Tolerance);
    }
}
