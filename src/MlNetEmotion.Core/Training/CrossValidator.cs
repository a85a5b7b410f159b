using System.Globalization;
using Microsoft.ML.Runtime;
using MlNetEmotion.Data;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Training;

/// <summary>Runs folds: for each split, fits the whole chain (this toolkit's steps and ML.NET's alike) on the training
/// rows only, scores the held-out rows, and evaluates them once from memory.</summary>
internal static class CrossValidator
{
    public static CrossValidationSummary<TMetrics> Run<TMetrics>(IHostEnvironment environment, IDataView data, IEstimator<ITransformer> estimator,
        DataSplitter splitter, string? stratificationColumnName, string? samplingKeyColumnName, string[] scoredColumns,
        Func<IDataView, TMetrics> evaluate, Func<TMetrics, IReadOnlyDictionary<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(splitter);
        int rows = checked((int)(data.GetRowCount() ?? CountRows(data)));
        if (rows == 0) throw DataValidationException.Empty("Cross-validation");
        var labels = splitter.NeedsLabels ? ReadText(data, stratificationColumnName, "a stratification column (class labels)") : null;
        var groups = splitter.NeedsGroups ? ReadText(data, samplingKeyColumnName, "a sampling key column (e.g. 'Subject')") : null;
        var splits = splitter.Split(new SplitInput(rows, labels, groups));
        var folds = new List<FoldResult<TMetrics>>();
        var scoredInMemory = new List<IDataView>();
        for (int f = 0; f < splits.Count; f++)
        {
            environment.ReportProgress("Cross-validation", f, splits.Count);
            var split = splits[f];
            if (split.TrainRows.Length == 0 || split.TestRows.Length == 0)
                throw new ArgumentException($"Fold {f}: {split.TrainRows.Length} training and {split.TestRows.Length} test rows; both must be non-empty.");
            var model = estimator.Fit(new RowSubsetDataView(data, split.TrainRows));
            var scored = model.Transform(new RowSubsetDataView(data, split.TestRows));
            var memory = scored.ToInMemory(scoredColumns.Where(c => scored.Schema.GetColumnOrNull(c) is not null));
            scoredInMemory.Add(memory);
            folds.Add(new FoldResult<TMetrics>(f, evaluate(memory), model, scored, split));
            environment.WriteLog("CrossValidate", $"fold {f + 1}/{splits.Count}: {split.TrainRows.Length} train, {split.TestRows.Length} test rows");
        }
        environment.ReportProgress("Cross-validation", splits.Count, splits.Count);
        var perFold = folds.Select(f => values(f.Metrics)).ToArray();
        var statistics = perFold[0].Keys.ToDictionary(k => k, k => MetricStatistics.Of(perFold.Select(v => v[k]).ToArray()));
        return new CrossValidationSummary<TMetrics>(folds, statistics, evaluate(new ConcatenatedDataView(scoredInMemory)));
    }

    private static long CountRows(IDataView data)
    {
        long n = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext()) n++;
        return n;
    }

    private static string[] ReadText(IDataView data, string? columnName, string what)
    {
        if (columnName is null) throw new ArgumentException($"The splitter needs {what}; none was named.");
        var column = data.Schema.GetColumnOrNull(columnName) ?? throw SchemaMismatchException.Missing(columnName, what, data.Schema);
        if (column.Type is VectorDataViewType or ObjectDataViewType)
            throw new SchemaMismatchException(columnName, "a scalar column", column.Type.ToString());
        var values = new List<string>();
        using var cursor = data.GetRowCursor([column]);
        var read = DataViewExtensions.GetBoxedGetter(cursor, column);
        while (cursor.MoveNext())
            values.Add(Convert.ToString(read(), CultureInfo.InvariantCulture)
                ?? throw new DataValidationException($"Column '{columnName}', row {cursor.Position}: missing value.", columnName, cursor.Position));
        return values.ToArray();
    }
}
