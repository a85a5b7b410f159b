using System.CommandLine;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;
using MlNetEmotion.Evaluation;

namespace MlNetEmotion.Cli.Tests.Metrics;

public class MetricsCommandTests
{
    private static (int Code, string Out, string Err) Run(string csv, params string[] args)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlnemo-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = MetricsCommand.Create().Parse([.. args, "--input", path]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        File.Delete(path);
        return (rc, output.ToString(), error.ToString());
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
        var (rc, _, error) = Run("Label,PredictedLabel\n1,1\n2,2,7\n", "--task", "multiclass");
        Assert.Equal(2, rc);
        Assert.Contains("line 3", error);
        Assert.Contains("3 fields", error);
    }

    [Fact]
    public void Non_numeric_regression_value_names_line_and_column()
    {
        var (rc, _, error) = Run("Label,Score\n0.1,0.2\n0.3,abc\n", "--task", "regression");
        Assert.Equal(2, rc);
        Assert.Contains("line 3", error);
        Assert.Contains("'Score'", error);
    }

    [Fact]
    public void Missing_column_is_named()
    {
        var (rc, _, error) = Run("Truth,PredictedLabel\n1,1\n", "--task", "multiclass");
        Assert.Equal(2, rc);
        Assert.Contains("no column 'Label'", error);
    }
}
