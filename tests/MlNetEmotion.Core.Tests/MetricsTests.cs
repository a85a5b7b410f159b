using System.Text.Json;
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
            for (int j = 0; j < k; j++) Assert.Equal(confusion[i][j], m.ConfusionMatrix[i, j]);
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
        for (int t = 0; t < truth.Length; t++)
        {
            var e = expected[t];
            var got = m.PerTarget[t];
            Assert.Equal(e.GetProperty("mse").GetDouble(), got.MeanSquaredError, Tolerance);
            Assert.Equal(Math.Sqrt(e.GetProperty("mse").GetDouble()), got.RootMeanSquaredError, Tolerance);
            Assert.Equal(e.GetProperty("mae").GetDouble(), got.MeanAbsoluteError, Tolerance);
            Assert.Equal(e.GetProperty("r2").GetDouble(), got.RSquared, Tolerance);
            Assert.Equal(e.GetProperty("pearson").GetDouble(), got.PearsonCorrelation, Tolerance);
            Assert.Equal(e.GetProperty("ccc").GetDouble(), got.ConcordanceCorrelation, Tolerance);
        }
        Assert.Equal(expected.Average(e => e.GetProperty("ccc").GetDouble()), m.ConcordanceCorrelation, Tolerance);
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
        string table = m.ConfusionMatrix.GetFormattedConfusionTable();
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
