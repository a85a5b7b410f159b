using MlNetEmotion.Evaluation;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Training;

/// <summary>The outcome of one cross-validation fold.</summary>
/// <typeparam name="TMetrics">Metrics type.</typeparam>
/// <param name="Fold">0-based fold number.</param>
/// <param name="Metrics">Metrics on the fold's held-out rows.</param>
/// <param name="Model">The model fitted on the fold's training rows only.</param>
/// <param name="ScoredHoldOutSet">The held-out rows transformed by <paramref name="Model"/>.</param>
/// <param name="Split">Which rows were trained and tested on.</param>
public sealed record CrossValidationResult<TMetrics>(int Fold, TMetrics Metrics, ITransformer Model, IDataView ScoredHoldOutSet, DataSplit Split);

/// <summary>Mean and sample standard deviation (n - 1 denominator) of one metric over folds.</summary>
/// <param name="Mean">Mean over folds.</param>
/// <param name="StandardDeviation">Sample standard deviation over folds (0 for one fold).</param>
public sealed record MetricStatistics(double Mean, double StandardDeviation)
{
    /// <summary>Statistics of <paramref name="values"/>.</summary>
    public static MetricStatistics Of(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MetricStatistics(mean, sd);
    }
}

/// <summary>Per-fold results of a cross-validation with the statistics of each metric over folds.</summary>
/// <typeparam name="TMetrics">Metrics type.</typeparam>
public sealed class CrossValidationSummary<TMetrics>
{
    /// <summary>Creates the summary.</summary>
    public CrossValidationSummary(IReadOnlyList<CrossValidationResult<TMetrics>> folds,
        IReadOnlyDictionary<string, MetricStatistics> statistics, ConfusionMatrix? pooledConfusionMatrix)
    {
        Folds = folds;
        Statistics = statistics;
        PooledConfusionMatrix = pooledConfusionMatrix;
    }

    /// <summary>The folds in order.</summary>
    public IReadOnlyList<CrossValidationResult<TMetrics>> Folds { get; }

    /// <summary>Mean ± sd of each scalar metric, by metric name (e.g. "MicroAccuracy", "ConcordanceCorrelation").</summary>
    public IReadOnlyDictionary<string, MetricStatistics> Statistics { get; }

    /// <summary>For classification, the confusion matrix summed over folds; null for regression.</summary>
    public ConfusionMatrix? PooledConfusionMatrix { get; }
}
