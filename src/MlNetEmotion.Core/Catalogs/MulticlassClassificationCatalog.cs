using MlNetEmotion.Evaluation;
using MlNetEmotion.Splitting;
using MlNetEmotion.Training;

namespace MlNetEmotion;

/// <summary><c>ctx.MulticlassClassification</c>: trainers, evaluation and cross-validation of classifiers.</summary>
public sealed class MulticlassClassificationCatalog
{
    internal MulticlassClassificationCatalog(EmotionContext context)
    {
        Context = context;
        Trainers = new MulticlassClassificationTrainers(context);
    }

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }

    /// <summary>Trainers; the Models assembly adds <c>Mlp</c> and the seed models as extension methods.</summary>
    public MulticlassClassificationTrainers Trainers { get; }

    /// <summary>Evaluates scored rows: a key label column, a key predicted-label column and a score vector of class probabilities.</summary>
    /// <exception cref="SchemaMismatchException">A column is missing or of the wrong type.</exception>
    /// <exception cref="DataValidationException">A row has a missing label, or the view is empty.</exception>
    public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label,
        string scoreColumnName = DefaultColumnNames.Score, string predictedLabelColumnName = DefaultColumnNames.PredictedLabel)
    {
        var label = data.Schema.GetColumnOrNull(labelColumnName) ?? throw SchemaMismatchException.Missing(labelColumnName, "a key label column", data.Schema);
        if (label.Type is not KeyDataViewType key) throw new SchemaMismatchException(labelColumnName, "a key label column (map it with MapValueToKey)", label.Type.ToString()!);
        var predicted = data.Schema.GetColumnOrNull(predictedLabelColumnName) ?? throw SchemaMismatchException.Missing(predictedLabelColumnName, "a key predicted-label column", data.Schema);
        if (predicted.Type is not KeyDataViewType pk || pk.Count != key.Count)
            throw new SchemaMismatchException(predictedLabelColumnName, $"Key<{key.Count}> like '{labelColumnName}'", predicted.Type.ToString()!);
        var score = data.Schema.GetColumnOrNull(scoreColumnName);
        if (score is { } s && !(s.Type is VectorDataViewType v && v.ItemType == NumberDataViewType.Single))
            throw new SchemaMismatchException(scoreColumnName, "a vector of Single class scores", s.Type.ToString()!);

        var truth = new List<int>();
        var predictions = new List<int>();
        List<double[]>? probabilities = score is null ? null : [];
        var columns = score is { } sc ? new[] { label, predicted, sc } : new[] { label, predicted };
        using (var cursor = data.GetRowCursor(columns))
        {
            var getLabel = cursor.GetGetter<uint>(label);
            var getPredicted = cursor.GetGetter<uint>(predicted);
            var getScore = score is { } sc2 ? cursor.GetGetter<float[]>(sc2) : null;
            uint l = 0, p = 0;
            float[] scores = [];
            while (cursor.MoveNext())
            {
                getLabel(ref l);
                getPredicted(ref p);
                if (l == 0) throw new DataValidationException($"Column '{labelColumnName}', row {cursor.Position}: the label is missing (key 0).", labelColumnName, cursor.Position);
                truth.Add((int)l - 1);
                predictions.Add(p == 0 ? -1 : (int)p - 1);
                if (getScore is not null)
                {
                    getScore(ref scores);
                    probabilities!.Add(Array.ConvertAll(scores, x => (double)x));
                }
            }
        }
        if (truth.Count == 0) throw DataValidationException.Empty("Evaluate");
        if (predictions.IndexOf(-1) is int missing and >= 0)
            throw new DataValidationException($"Column '{predictedLabelColumnName}', row {missing}: no prediction (key 0).", predictedLabelColumnName, missing);
        return MulticlassMetricsCalculator.Compute(truth, predictions, probabilities, KeyColumns.ClassNames(label));
    }

    /// <summary>k-fold cross-validation: the whole pipeline is fitted on each fold's training rows only. With a
    /// <paramref name="samplingKeyColumnName"/> (e.g. "Subject") folds are grouped so that no group is in two folds.</summary>
    /// <param name="data">Input rows (before the pipeline).</param>
    /// <param name="estimator">The pipeline ending in a trainer.</param>
    /// <param name="numberOfFolds">Number of folds (default 5).</param>
    /// <param name="labelColumnName">Key label column of the scored rows.</param>
    /// <param name="samplingKeyColumnName">Group column of the input rows, or null for row-wise folds.</param>
    /// <param name="seed">Fold seed; default drawn from the context.</param>
    public CrossValidationSummary<MulticlassClassificationMetrics> CrossValidate(IDataView data, IEstimator<ITransformer> estimator,
        int numberOfFolds = 5, string labelColumnName = DefaultColumnNames.Label, string? samplingKeyColumnName = null, int? seed = null)
    {
        int s = seed ?? Context.NextSeed();
        DataSplitter splitter = samplingKeyColumnName is null ? new KFoldSplitter(numberOfFolds, s) : new GroupKFoldSplitter(numberOfFolds, s);
        return CrossValidate(data, estimator, splitter, labelColumnName, samplingKeyColumnName: samplingKeyColumnName);
    }

    /// <summary>Cross-validation with any splitter (stratified, leave-one-subject-out, per-subject 70/30, ...).</summary>
    /// <param name="data">Input rows (before the pipeline).</param>
    /// <param name="estimator">The pipeline ending in a trainer.</param>
    /// <param name="splitter">How rows are split.</param>
    /// <param name="labelColumnName">Key label column of the scored rows.</param>
    /// <param name="stratificationColumnName">Input column of classes, for splitters that stratify.</param>
    /// <param name="samplingKeyColumnName">Input column of groups, for splitters that group.</param>
    public CrossValidationSummary<MulticlassClassificationMetrics> CrossValidate(IDataView data, IEstimator<ITransformer> estimator,
        DataSplitter splitter, string labelColumnName = DefaultColumnNames.Label, string? stratificationColumnName = null, string? samplingKeyColumnName = null)
    {
        var folds = CrossValidator.Run(Context, data, estimator, splitter, stratificationColumnName, samplingKeyColumnName)
            .Select((f, i) => new CrossValidationResult<MulticlassClassificationMetrics>(i, Evaluate(f.Scored, labelColumnName), f.Model, f.Scored, f.Split))
            .ToArray();
        var m = folds.Select(f => f.Metrics).ToArray();
        var statistics = new Dictionary<string, MetricStatistics>
        {
            [nameof(MulticlassClassificationMetrics.MicroAccuracy)] = MetricStatistics.Of(m.Select(x => x.MicroAccuracy).ToArray()),
            [nameof(MulticlassClassificationMetrics.MacroAccuracy)] = MetricStatistics.Of(m.Select(x => x.MacroAccuracy).ToArray()),
            [nameof(MulticlassClassificationMetrics.MacroF1)] = MetricStatistics.Of(m.Select(x => x.MacroF1).ToArray()),
            [nameof(MulticlassClassificationMetrics.WeightedF1)] = MetricStatistics.Of(m.Select(x => x.WeightedF1).ToArray()),
            [nameof(MulticlassClassificationMetrics.CohenKappa)] = MetricStatistics.Of(m.Select(x => x.CohenKappa).ToArray()),
            [nameof(MulticlassClassificationMetrics.LogLoss)] = MetricStatistics.Of(m.Select(x => x.LogLoss).ToArray()),
            [nameof(MulticlassClassificationMetrics.MacroAuc)] = MetricStatistics.Of(m.Select(x => x.MacroAuc).ToArray()),
        };
        return new CrossValidationSummary<MulticlassClassificationMetrics>(folds, statistics, ConfusionMatrix.Sum(m.Select(x => x.ConfusionMatrix)));
    }
}

/// <summary>The trainer holder of <c>ctx.MulticlassClassification.Trainers</c>; trainers are extension methods on it.</summary>
public sealed class MulticlassClassificationTrainers
{
    internal MulticlassClassificationTrainers(EmotionContext context) => Context = context;

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }
}

/// <summary>Default column names, as in ML.NET.</summary>
public static class DefaultColumnNames
{
    /// <summary>"Label".</summary>
    public const string Label = "Label";

    /// <summary>"Features".</summary>
    public const string Features = "Features";

    /// <summary>"Score".</summary>
    public const string Score = "Score";

    /// <summary>"PredictedLabel".</summary>
    public const string PredictedLabel = "PredictedLabel";
}
