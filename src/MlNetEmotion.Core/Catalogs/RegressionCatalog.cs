using MlNetEmotion.Evaluation;
using MlNetEmotion.Splitting;
using MlNetEmotion.Training;

namespace MlNetEmotion;

/// <summary><c>ctx.Regression</c>: trainers, evaluation and cross-validation of (multi-target) regressors, e.g.
/// continuous valence and arousal.</summary>
public sealed class RegressionCatalog
{
    internal RegressionCatalog(EmotionContext context)
    {
        Context = context;
        Trainers = new RegressionTrainers(context);
    }

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }

    /// <summary>Trainers; the Models assembly adds <c>Mlp</c> and the seed models as extension methods.</summary>
    public RegressionTrainers Trainers { get; }

    /// <summary>Evaluates scored rows. Label and score are both Single (one target) or both known-size Single vectors
    /// of the same length (one slot per target; slot names from the label's annotation name the targets).</summary>
    public RegressionMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label, string scoreColumnName = DefaultColumnNames.Score)
    {
        var label = Transforms.ColumnChecks.RequireSingleOrSingleVector(data.Schema, labelColumnName);
        var score = Transforms.ColumnChecks.RequireSingleOrSingleVector(data.Schema, scoreColumnName);
        int targets = Transforms.ColumnChecks.SlotCount(label.Type);
        if (Transforms.ColumnChecks.SlotCount(score.Type) != targets)
            throw new SchemaMismatchException(scoreColumnName, $"{targets} values like '{labelColumnName}'", score.Type.ToString()!);
        var truth = Enumerable.Range(0, targets).Select(_ => new List<double>()).ToArray();
        var predicted = Enumerable.Range(0, targets).Select(_ => new List<double>()).ToArray();
        using (var cursor = data.GetRowCursor([label, score]))
        {
            var readLabel = Transforms.SingleColumnReader.Create(cursor, label);
            var readScore = Transforms.SingleColumnReader.Create(cursor, score);
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
        var names = label.Annotations.TryGetValue<string[]>(AnnotationNames.SlotNames, out var slotNames) && slotNames.Length == targets
            ? slotNames
            : targets == 1 ? [labelColumnName] : Enumerable.Range(0, targets).Select(t => $"{labelColumnName}[{t}]").ToArray();
        return RegressionMetricsCalculator.Compute(truth.Select(t => t.ToArray()).ToArray(), predicted.Select(p => p.ToArray()).ToArray(), names);
    }

    /// <summary>k-fold cross-validation (grouped by <paramref name="samplingKeyColumnName"/> when given).</summary>
    public CrossValidationSummary<RegressionMetrics> CrossValidate(IDataView data, IEstimator<ITransformer> estimator,
        int numberOfFolds = 5, string labelColumnName = DefaultColumnNames.Label, string? samplingKeyColumnName = null, int? seed = null)
    {
        int s = seed ?? Context.NextSeed();
        DataSplitter splitter = samplingKeyColumnName is null ? new KFoldSplitter(numberOfFolds, s) : new GroupKFoldSplitter(numberOfFolds, s);
        return CrossValidate(data, estimator, splitter, labelColumnName, samplingKeyColumnName);
    }

    /// <summary>Cross-validation with any splitter.</summary>
    public CrossValidationSummary<RegressionMetrics> CrossValidate(IDataView data, IEstimator<ITransformer> estimator,
        DataSplitter splitter, string labelColumnName = DefaultColumnNames.Label, string? samplingKeyColumnName = null, string? stratificationColumnName = null)
    {
        var folds = CrossValidator.Run(Context, data, estimator, splitter, stratificationColumnName, samplingKeyColumnName)
            .Select((f, i) => new CrossValidationResult<RegressionMetrics>(i, Evaluate(f.Scored, labelColumnName), f.Model, f.Scored, f.Split))
            .ToArray();
        var m = folds.Select(f => f.Metrics).ToArray();
        var statistics = new Dictionary<string, MetricStatistics>
        {
            [nameof(RegressionMetrics.MeanSquaredError)] = MetricStatistics.Of(m.Select(x => x.MeanSquaredError).ToArray()),
            [nameof(RegressionMetrics.RootMeanSquaredError)] = MetricStatistics.Of(m.Select(x => x.RootMeanSquaredError).ToArray()),
            [nameof(RegressionMetrics.MeanAbsoluteError)] = MetricStatistics.Of(m.Select(x => x.MeanAbsoluteError).ToArray()),
            [nameof(RegressionMetrics.RSquared)] = MetricStatistics.Of(m.Select(x => x.RSquared).ToArray()),
            [nameof(RegressionMetrics.PearsonCorrelation)] = MetricStatistics.Of(m.Select(x => x.PearsonCorrelation).ToArray()),
            [nameof(RegressionMetrics.ConcordanceCorrelation)] = MetricStatistics.Of(m.Select(x => x.ConcordanceCorrelation).ToArray()),
        };
        return new CrossValidationSummary<RegressionMetrics>(folds, statistics, null);
    }
}

/// <summary>The trainer holder of <c>ctx.Regression.Trainers</c>; trainers are extension methods on it.</summary>
public sealed class RegressionTrainers
{
    internal RegressionTrainers(EmotionContext context) => Context = context;

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }
}
