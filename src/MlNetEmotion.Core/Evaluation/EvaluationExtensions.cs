using MlNetEmotion.Data;
using MlNetEmotion.Evaluation;
using MlNetEmotion.Transforms;

namespace MlNetEmotion;

/// <summary>Evaluation beyond ML.NET's evaluators, on ML.NET's catalogs: ML.NET's metrics of the scored rows together
/// with macro/weighted F1, Cohen's κ, one-vs-rest AUC (classification) and CCC, Pearson r per target (regression).</summary>
public static class EvaluationExtensions
{
    /// <summary>Evaluates scored rows of any multiclass model (ML.NET's trainers or this toolkit's): a key label column,
    /// a key predicted-label column and a score vector of class probabilities.</summary>
    /// <param name="catalog"><c>mlContext.MulticlassClassification</c>.</param>
    /// <param name="data">Scored rows.</param>
    /// <param name="labelColumnName">Key label column. Default "Label".</param>
    /// <param name="scoreColumnName">Score vector column. Default "Score".</param>
    /// <param name="predictedLabelColumnName">Key predicted-label column. Default "PredictedLabel".</param>
    /// <exception cref="SchemaMismatchException">A column is missing or of the wrong type.</exception>
    /// <exception cref="DataValidationException">A row has a missing label, or the view is empty.</exception>
    public static ExtendedMulticlassMetrics EvaluateExtended(this MulticlassClassificationCatalog catalog, IDataView data,
        string labelColumnName = "Label", string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel")
    {
        var label = data.Schema.GetColumnOrNull(labelColumnName) ?? throw SchemaMismatchException.Missing(labelColumnName, "a key label column", data.Schema);
        if (label.Type is not KeyDataViewType key)
            throw new SchemaMismatchException(labelColumnName, "a key label column (map it with MapValueToKey or Transforms.Labels)", label.Type.ToString());
        var predicted = data.Schema.GetColumnOrNull(predictedLabelColumnName) ?? throw SchemaMismatchException.Missing(predictedLabelColumnName, "a key predicted-label column", data.Schema);
        if (predicted.Type is not KeyDataViewType pk || pk.Count != key.Count)
            throw new SchemaMismatchException(predictedLabelColumnName, $"Key<{key.Count}> like '{labelColumnName}'", predicted.Type.ToString());
        var score = data.Schema.GetColumnOrNull(scoreColumnName) ?? throw SchemaMismatchException.Missing(scoreColumnName, "a score vector", data.Schema);
        if (!(score.Type is VectorDataViewType { IsKnownSize: true } v && v.ItemType == NumberDataViewType.Single && v.Size == (int)key.Count))
            throw new SchemaMismatchException(scoreColumnName, $"a vector of {key.Count} Single class scores", score.Type.ToString());

        var truth = new List<int>();
        var predictions = new List<int>();
        var probabilities = new List<double[]>();
        using (var cursor = data.GetRowCursor([label, predicted, score]))
        {
            var getLabel = cursor.GetGetter<uint>(label);
            var getPredicted = cursor.GetGetter<uint>(predicted);
            var getScore = VectorValues.DenseSingleReader(cursor, score);
            uint l = 0, p = 0;
            while (cursor.MoveNext())
            {
                getLabel(ref l);
                getPredicted(ref p);
                if (l == 0) throw new DataValidationException($"Column '{labelColumnName}', row {cursor.Position}: the label is missing (key 0).", labelColumnName, cursor.Position);
                if (p == 0) throw new DataValidationException($"Column '{predictedLabelColumnName}', row {cursor.Position}: no prediction (key 0).", predictedLabelColumnName, cursor.Position);
                truth.Add((int)l - 1);
                predictions.Add((int)p - 1);
                probabilities.Add(Array.ConvertAll(getScore(), x => (double)x));
            }
        }
        if (truth.Count == 0) throw DataValidationException.Empty("Evaluate");
        var scores = MulticlassMetricsCalculator.Compute(truth, predictions, probabilities, KeyColumns.ClassNames(label));
        var standard = catalog.Evaluate(data, labelColumnName, scoreColumnName, predictedLabelColumnName);
        return new ExtendedMulticlassMetrics(standard, scores);
    }

    /// <summary>Evaluates scored rows of a regressor. Label and score are both Single (one target; ML.NET's metrics are
    /// included) or both known-size Single vectors of the same length (one slot per target; slot names from the label's
    /// annotation name the targets).</summary>
    /// <param name="catalog"><c>mlContext.Regression</c>.</param>
    /// <param name="data">Scored rows.</param>
    /// <param name="labelColumnName">Label column. Default "Label".</param>
    /// <param name="scoreColumnName">Score column. Default "Score".</param>
    /// <exception cref="SchemaMismatchException">A column is missing or of the wrong type.</exception>
    /// <exception cref="DataValidationException">A value is not finite, or the view is empty.</exception>
    public static ExtendedRegressionMetrics EvaluateExtended(this RegressionCatalog catalog, IDataView data,
        string labelColumnName = "Label", string scoreColumnName = "Score")
    {
        var label = ColumnChecks.RequireSingleOrSingleVector(data.Schema, labelColumnName);
        var score = ColumnChecks.RequireSingleOrSingleVector(data.Schema, scoreColumnName);
        int targets = ColumnChecks.SlotCount(label.Type);
        if (ColumnChecks.SlotCount(score.Type) != targets)
            throw new SchemaMismatchException(scoreColumnName, $"{targets} values like '{labelColumnName}'", score.Type.ToString());
        var truth = Enumerable.Range(0, targets).Select(_ => new List<double>()).ToArray();
        var predicted = Enumerable.Range(0, targets).Select(_ => new List<double>()).ToArray();
        using (var cursor = data.GetRowCursor([label, score]))
        {
            var readLabel = VectorValues.DenseSingleReader(cursor, label);
            var readScore = VectorValues.DenseSingleReader(cursor, score);
            while (cursor.MoveNext())
            {
                var l = readLabel();
                var s = readScore();
                for (int t = 0; t < targets; t++)
                {
                    if (!float.IsFinite(l[t])) throw DataValidationException.NonFinite(labelColumnName, cursor.Position, t, l[t]);
                    if (!float.IsFinite(s[t])) throw DataValidationException.NonFinite(scoreColumnName, cursor.Position, t, s[t]);
                    truth[t].Add(l[t]);
                    predicted[t].Add(s[t]);
                }
            }
        }
        if (truth[0].Count == 0) throw DataValidationException.Empty("Evaluate");
        var names = KeyColumns.Texts(label.Annotations, KeyColumns.SlotNames) is { } slotNames && slotNames.Length == targets
            ? slotNames
            : targets == 1 ? [labelColumnName] : Enumerable.Range(0, targets).Select(t => $"{labelColumnName}[{t}]").ToArray();
        var scores = RegressionMetricsCalculator.Compute(truth.Select(t => t.ToArray()).ToArray(), predicted.Select(p => p.ToArray()).ToArray(), names);
        var standard = label.Type == NumberDataViewType.Single ? catalog.Evaluate(data, labelColumnName, scoreColumnName) : null;
        return new ExtendedRegressionMetrics(standard, scores);
    }
}
