namespace MlNetEmotion.Evaluation;

/// <summary>Regression metrics of one target (e.g. valence), as scikit-learn and Lin (1989) define them.</summary>
/// <param name="Target">Target name.</param>
/// <param name="MeanSquaredError">Mean of squared errors.</param>
/// <param name="RootMeanSquaredError">Square root of the MSE.</param>
/// <param name="MeanAbsoluteError">Mean of absolute errors.</param>
/// <param name="RSquared">1 - SS_res / SS_tot (sklearn <c>r2_score</c>; 1 or 0 for a constant truth as sklearn).</param>
/// <param name="PearsonCorrelation">Pearson r of truth and prediction (NaN when either is constant).</param>
/// <param name="ConcordanceCorrelation">CCC = 2 s_xy / (s_x² + s_y² + (mean_x - mean_y)²) with population moments.</param>
public sealed record RegressionTargetMetrics(string Target, double MeanSquaredError, double RootMeanSquaredError,
    double MeanAbsoluteError, double RSquared, double PearsonCorrelation, double ConcordanceCorrelation);

/// <summary>Regression metrics per target (MSE, RMSE, MAE, R², Pearson r, CCC) and averaged over targets (sklearn's <c>multioutput='uniform_average'</c>).</summary>
public sealed class RegressionScores
{
    /// <summary>Creates the metrics from per-target values.</summary>
    public RegressionScores(IReadOnlyList<RegressionTargetMetrics> perTarget)
    {
        if (perTarget.Count == 0) throw new ArgumentException("At least one target is required.", nameof(perTarget));
        PerTarget = perTarget;
    }

    /// <summary>Metrics of each target.</summary>
    public IReadOnlyList<RegressionTargetMetrics> PerTarget { get; }

    /// <summary>Mean over targets of the MSE.</summary>
    public double MeanSquaredError => PerTarget.Average(t => t.MeanSquaredError);

    /// <summary>Mean over targets of the RMSE.</summary>
    public double RootMeanSquaredError => PerTarget.Average(t => t.RootMeanSquaredError);

    /// <summary>Mean over targets of the MAE.</summary>
    public double MeanAbsoluteError => PerTarget.Average(t => t.MeanAbsoluteError);

    /// <summary>Mean over targets of R².</summary>
    public double RSquared => PerTarget.Average(t => t.RSquared);

    /// <summary>Mean over targets of Pearson r.</summary>
    public double PearsonCorrelation => PerTarget.Average(t => t.PearsonCorrelation);

    /// <summary>Mean over targets of the CCC (paper 001 reports the mean of valence and arousal).</summary>
    public double ConcordanceCorrelation => PerTarget.Average(t => t.ConcordanceCorrelation);
}
