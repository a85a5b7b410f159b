using System.Text.Json;
using MlNetEmotion.Cli.Tests.Hosting;
using MlNetEmotion.Evaluation;

namespace MlNetEmotion.Cli.Tests.Metrics;

public class MetricsCommandTests
{
    private static (int Code, string Out, string Err) Run(string csv, params string[] args)
    {
        using var folder = new CliHarness.TempFolder();
        string path = folder.File("predictions.csv");
        File.WriteAllText(path, csv);
        return CliHarness.Run(["metrics", .. args, "--input", path]);
    }

    [Fact]
    public void Multiclass_csv_gives_the_same_numbers_as_the_calculator()
    {
        const string csv = "Label,PredictedLabel,Score_Low,Score_High\nLow,Low,0.8,0.2\nHigh,Low,0.6,0.4\nHigh,High,0.3,0.7\nLow,High,0.45,0.55\nHigh,High,0.1,0.9\n";
        var (rc, output, _) = Run(csv, "--task", "multiclass");
        Assert.Equal(0, rc);
        var json = JsonDocument.Parse(output).RootElement;
        // Classes in ordinal order: High (0), Low (1).
        var expected = MulticlassMetricsCalculator.Compute([1, 0, 0, 1, 0], [1, 1, 0, 0, 0],
            [[0.2, 0.8], [0.4, 0.6], [0.7, 0.3], [0.55, 0.45], [0.9, 0.1]], ["High", "Low"]);
        Assert.Equal(expected.MicroAccuracy, json.GetProperty("microAccuracy").GetDouble(), 12);
        Assert.Equal(expected.LogLoss, json.GetProperty("logLoss").GetDouble(), 12);
        Assert.Equal(expected.MacroAuc, json.GetProperty("macroAuc").GetDouble(), 12);
        Assert.Equal(0.6, json.GetProperty("microAccuracy").GetDouble(), 12);
        Assert.Equal(["High", "Low"], json.GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Regression_csv_reports_ccc_per_target()
    {
        const string csv = "Valence,Arousal,PV,PA\n0.1,0.5,0.2,0.4\n-0.3,0.1,-0.2,0.2\n0.6,-0.4,0.5,-0.3\n0.0,0.9,0.1,0.7\n";
        var (rc, output, _) = Run(csv, "--task", "regression", "--label", "Valence,Arousal", "--score", "PV,PA");
        Assert.Equal(0, rc);
        var json = JsonDocument.Parse(output).RootElement;
        var v = RegressionMetricsCalculator.ComputeTarget("Valence", [0.1, -0.3, 0.6, 0.0], [0.2, -0.2, 0.5, 0.1]);
        var targets = json.GetProperty("targets").EnumerateArray().ToArray();
        Assert.Equal("Valence", targets[0].GetProperty("target").GetString());
        Assert.Equal(v.ConcordanceCorrelation, targets[0].GetProperty("concordanceCorrelation").GetDouble(), 12);
        Assert.Equal(2, targets.Length);
    }

    [Fact]
    public void Malformed_csv_names_its_line()
    {
        CliHarness.AssertOneLineError(Run("Label,PredictedLabel\n1,1\n2,2,7\n", "--task", "multiclass"), 1, "line 3", "3 fields");
    }

    [Fact]
    public void Non_numeric_regression_value_names_line_and_column()
    {
        CliHarness.AssertOneLineError(Run("Label,Score\n0.1,0.2\n0.3,abc\n", "--task", "regression"), 1, "line 3", "'Score'");
    }

    [Fact]
    public void Missing_column_is_named()
    {
        CliHarness.AssertOneLineError(Run("Truth,PredictedLabel\n1,1\n", "--task", "multiclass"), 1, "no column 'Label'");
    }

    [Fact]
    public void Label_and_score_lists_of_different_lengths_are_a_usage_error() =>
        CliHarness.AssertOneLineError(Run("A,B,PA\n1,2,3\n", "--task", "regression", "--label", "A,B", "--score", "PA"), 2, "--label names 2 columns but --score names 1");

    /// <summary>50,000 distinct class names, one row each: even rows right, odd rows predicted as the next class (exact
    /// values as in the calculator's test: accuracy 1/2, macro F1 1/3). The JSON lists the non-zero cells only.</summary>
    [Fact]
    public void Fifty_thousand_classes_are_scored_with_sparse_cells()
    {
        const int k = 50_000;
        var csv = new System.Text.StringBuilder("Label,PredictedLabel\n");
        for (int i = 0; i < k; i++) csv.Append($"class{i:D5},class{(i % 2 == 0 ? i : (i + 1) % k):D5}\n");
        var (rc, output, error) = Run(csv.ToString(), "--task", "multiclass");
        Assert.True(rc == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0.5, json.GetProperty("microAccuracy").GetDouble(), 12);
        Assert.Equal(1.0 / 3, json.GetProperty("macroF1").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("confusionMatrix").ValueKind);
        var cells = json.GetProperty("confusionCells").EnumerateArray().ToArray();
        Assert.Equal(k, cells.Length);
        Assert.Equal([1, 2, 1], cells[1].EnumerateArray().Select(e => e.GetInt64()));
    }
}
