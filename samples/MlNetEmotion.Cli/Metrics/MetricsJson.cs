using System.Text.Json.Nodes;
using MlNetEmotion.Evaluation;

namespace MlNetEmotion.Cli.Metrics;

/// <summary>JSON forms of the metrics objects (NaN, e.g. log-loss without scores, becomes null). The confusion matrix is
/// written twice over at most <see cref="ConfusionCounts.MaxFormattedClasses"/> classes: dense (<c>confusionMatrix</c>,
/// rows true classes) and as its non-zero cells (<c>confusionCells</c>, [true, predicted, count] by class index); beyond
/// that only the cells, so that the output grows with the rows, never with classes squared.</summary>
internal static class MetricsJson
{
    public static JsonObject Multiclass(ClassificationScores m) => new()
    {
        ["microAccuracy"] = Value(m.MicroAccuracy),
        ["macroAccuracy"] = Value(m.MacroAccuracy),
        ["macroF1"] = Value(m.MacroF1),
        ["weightedF1"] = Value(m.WeightedF1),
        ["cohenKappa"] = Value(m.CohenKappa),
        ["logLoss"] = Value(m.LogLoss),
        ["macroAuc"] = Value(m.MacroAuc),
        ["classes"] = new JsonArray(m.Counts.ClassNames.Select(c => (JsonNode?)c).ToArray()),
        ["perClassPrecision"] = Array(m.PerClassPrecision),
        ["perClassRecall"] = Array(m.PerClassRecall),
        ["perClassF1"] = Array(m.PerClassF1),
        ["confusionMatrix"] = m.Counts.NumberOfClasses <= ConfusionCounts.MaxFormattedClasses ? Confusion(m.Counts) : null,
        ["confusionCells"] = new JsonArray(m.Counts.Cells.Select(c => (JsonNode?)new JsonArray(c.Actual, c.Predicted, c.Count)).ToArray()),
    };

    public static JsonObject Regression(RegressionScores m) => new()
    {
        ["meanSquaredError"] = Value(m.MeanSquaredError),
        ["rootMeanSquaredError"] = Value(m.RootMeanSquaredError),
        ["meanAbsoluteError"] = Value(m.MeanAbsoluteError),
        ["rSquared"] = Value(m.RSquared),
        ["pearsonCorrelation"] = Value(m.PearsonCorrelation),
        ["concordanceCorrelation"] = Value(m.ConcordanceCorrelation),
        ["targets"] = new JsonArray(m.PerTarget.Select(t => (JsonNode?)new JsonObject
        {
            ["target"] = t.Target,
            ["meanSquaredError"] = Value(t.MeanSquaredError),
            ["rootMeanSquaredError"] = Value(t.RootMeanSquaredError),
            ["meanAbsoluteError"] = Value(t.MeanAbsoluteError),
            ["rSquared"] = Value(t.RSquared),
            ["pearsonCorrelation"] = Value(t.PearsonCorrelation),
            ["concordanceCorrelation"] = Value(t.ConcordanceCorrelation),
        }).ToArray()),
    };

    public static JsonArray Confusion(ConfusionCounts cm) =>
        new(Enumerable.Range(0, cm.NumberOfClasses)
            .Select(i => (JsonNode?)new JsonArray(Enumerable.Range(0, cm.NumberOfClasses).Select(j => (JsonNode?)cm[i, j]).ToArray())).ToArray());

    public static JsonNode? Value(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static JsonArray Array(IEnumerable<double> values) => new(values.Select(Value).ToArray());
}
