using System.Globalization;
using System.Text.Json.Nodes;
using MlNetEmotion.Data;
using MlNetEmotion.Evaluation;

namespace MlNetEmotion.Cli.Metrics;

/// <summary>Scores a predictions CSV with the same calculators as <c>EvaluateExtended</c> (its sklearn-equal <c>Scores</c>), returning JSON.</summary>
internal static class PredictionMetrics
{
    /// <summary>Multiclass metrics. Classes are the distinct label and prediction values (numeric order when all are
    /// numbers, else ordinal); score columns are <c>{prefix}{class}</c> or <c>{prefix}_{class}</c> when present,
    /// otherwise the columns starting with the prefix, in file order, one per class.</summary>
    public static JsonObject Multiclass(string path, string labelColumn, string predictedColumn, string scorePrefix)
    {
        var table = CsvTable.Read(path);
        int li = table.Column(labelColumn), pi = table.Column(predictedColumn);
        var values = table.Rows.SelectMany(r => new[] { r.Fields[li].Trim(), r.Fields[pi].Trim() }).Distinct().ToArray();
        var classes = values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? values.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : values.Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var scoreColumns = ScoreColumns(table, scorePrefix, classes);
        var truth = table.Rows.Select(r => index[r.Fields[li].Trim()]).ToArray();
        var predicted = table.Rows.Select(r => index[r.Fields[pi].Trim()]).ToArray();
        var probabilities = scoreColumns is null ? null : table.Rows.Select(r => scoreColumns.Select(c => Number(table, r, c)).ToArray()).ToArray();
        var m = MulticlassMetricsCalculator.Compute(truth, predicted, probabilities, classes);
        return MetricsJson.Multiclass(m);
    }

    /// <summary>Regression metrics of each (label, score) column pair.</summary>
    public static JsonObject Regression(string path, IReadOnlyList<string> labelColumns, IReadOnlyList<string> scoreColumns)
    {
        if (labelColumns.Count != scoreColumns.Count)
            throw new Hosting.UsageException($"--label names {labelColumns.Count} columns but --score names {scoreColumns.Count}; give one score column per label column.");
        var table = CsvTable.Read(path);
        var truth = labelColumns.Select(c => table.Rows.Select(r => Number(table, r, table.Column(c))).ToArray()).ToArray();
        var predicted = scoreColumns.Select(c => table.Rows.Select(r => Number(table, r, table.Column(c))).ToArray()).ToArray();
        return MetricsJson.Regression(RegressionMetricsCalculator.Compute(truth, predicted, labelColumns));
    }

    private static int[]? ScoreColumns(CsvTable table, string prefix, string[] classes)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = table.Header.Length - 1; i >= 0; i--) header[table.Header[i]] = i;     // the first of equal names wins
        var byName = classes.Select(c => header.TryGetValue(prefix + c, out int i) || header.TryGetValue($"{prefix}_{c}", out i) ? i : -1).ToArray();
        if (byName.All(i => i >= 0)) return byName;
        var all = table.Header.Select((h, i) => (h, i)).Where(x => x.h.StartsWith(prefix, StringComparison.Ordinal)).Select(x => x.i).ToArray();
        if (all.Length == 0) return null;
        if (all.Length != classes.Length)
            throw new InvalidDataException($"{table.Path} line 1: {all.Length} columns start with '{prefix}' but there are {classes.Length} classes ({string.Join(", ", classes.Take(10))}{(classes.Length > 10 ? ", ..." : "")}).");
        return all;
    }

    private static double Number(CsvTable table, (int Line, string[] Fields) row, int column) =>
        double.TryParse(row.Fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new InvalidDataException($"{table.Path} line {row.Line}: column '{table.Header[column]}' value '{row.Fields[column]}' is not a finite number.");
}
