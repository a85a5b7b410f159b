using System.Globalization;
using MlNetEmotion.Data;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Training;

/// <summary>Runs folds: for each split, fits the whole pipeline on the training rows only and scores the held-out rows.</summary>
internal static class CrossValidator
{
    public static List<(DataSplit Split, ITransformer Model, IDataView Scored)> Run(EmotionContext context, IDataView data,
        IEstimator<ITransformer> estimator, DataSplitter splitter, string? stratificationColumnName, string? samplingKeyColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        estimator.GetOutputSchema(SchemaShape.Create(data.Schema));
        int rows = checked((int)(data.GetRowCount() ?? CountRows(data)));
        if (rows == 0) throw DataValidationException.Empty("Cross-validation");
        var labels = splitter.NeedsLabels ? ReadText(data, stratificationColumnName, "a stratification column (class labels)") : null;
        var groups = splitter.NeedsGroups ? ReadText(data, samplingKeyColumnName, "a sampling key column (e.g. 'Subject')") : null;
        var splits = splitter.Split(new SplitInput(rows, labels, groups));
        var results = new List<(DataSplit, ITransformer, IDataView)>();
        for (int f = 0; f < splits.Count; f++)
        {
            context.ReportProgress("Cross-validation", f, splits.Count);
            var split = splits[f];
            if (split.TrainRows.Length == 0 || split.TestRows.Length == 0)
                throw new ArgumentException($"Fold {f}: {split.TrainRows.Length} training and {split.TestRows.Length} test rows; both must be non-empty.");
            var model = estimator.Fit(new RowSubsetDataView(data, split.TrainRows));
            var scored = model.Transform(new RowSubsetDataView(data, split.TestRows));
            results.Add((split, model, scored));
            context.WriteLog("CrossValidate", $"fold {f + 1}/{splits.Count}: {split.TrainRows.Length} train, {split.TestRows.Length} test rows");
        }
        context.ReportProgress("Cross-validation", splits.Count, splits.Count);
        return results;
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
            throw new SchemaMismatchException(columnName, "a scalar column", column.Type.ToString()!);
        var values = new List<string>();
        using var cursor = data.GetRowCursor([column]);
        var read = DataViewExtensions.GetBoxedGetter(cursor, column);
        while (cursor.MoveNext())
            values.Add(Convert.ToString(read(), CultureInfo.InvariantCulture)
                ?? throw new DataValidationException($"Column '{columnName}', row {cursor.Position}: missing value.", columnName, cursor.Position));
        return values.ToArray();
    }
}
