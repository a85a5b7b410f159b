using MlNetEmotion.Splitting;

namespace MlNetEmotion.Training;

/// <summary>The outcome of one cross-validation fold.</summary>
/// <typeparam name="TMetrics">Metrics type.</typeparam>
/// <param name="Fold">0-based fold number.</param>
/// <param name="Metrics">Metrics on the fold's held-out rows.</param>
/// <param name="Model">The model fitted on the fold's training rows only.</param>
/// <param name="ScoredHoldOutSet">The held-out rows transformed by <paramref name="Model"/>.</param>
/// <param name="Split">Which rows were trained and tested on.</param>
public sealed record FoldResult<TMetrics>(int Fold, TMetrics Metrics, ITransformer Model, IDataView ScoredHoldOutSet, DataSplit Split);

/// <summary>Mean and sample standard deviation (n - 1 denominator) of one metric over folds.</summary>
/// <param name="Mean">Mean over folds.</param>
/// <param name="StandardDeviation">Sample standard deviation over folds (0 for one fold).</param>
public sealed record MetricStatistics(double Mean, double StandardDeviation)
{
    /// <summary>Statistics of <paramref name="values"/>.</summary>
    /// <param name="values">One value per fold.</param>
    public static MetricStatistics Of(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MetricStatistics(mean, sd);
    }
}

/// <summary>Per-fold results of a cross-validation, the statistics of each metric over folds, and (for classification)
/// the metrics of all held-out rows pooled.</summary>
/// <typeparam name="TMetrics">Metrics type.</typeparam>
/// <param name="Folds">The folds in order.</param>
/// <param name="Statistics">Mean ± sd of each scalar metric, by name (e.g. "MicroAccuracy", "ConcordanceCorrelation").</param>
/// <param name="Pooled">The metrics of every fold's held-out rows evaluated together.</param>
public sealed record CrossValidationSummary<TMetrics>(IReadOnlyList<FoldResult<TMetrics>> Folds,
    IReadOnlyDictionary<string, MetricStatistics> Statistics, TMetrics Pooled);
