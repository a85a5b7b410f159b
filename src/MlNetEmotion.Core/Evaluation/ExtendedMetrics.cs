namespace MlNetEmotion.Evaluation;

/// <summary>A classifier's metrics on scored rows: ML.NET's own (<see cref="Standard"/>: accuracies, log-loss,
/// confusion matrix) and the ones ML.NET does not report, computed from the same rows as scikit-learn does.</summary>
/// <param name="Standard">ML.NET's metrics of the rows.</param>
/// <param name="Scores">Macro/weighted F1, Cohen's κ, one-vs-rest macro AUC, per-class values (scikit-learn's definitions, to 1e-9).</param>
public sealed record ExtendedMulticlassMetrics(MulticlassClassificationMetrics Standard, ClassificationScores Scores)
{
    /// <summary>Fraction of rows classified right.</summary>
    public double MicroAccuracy => Standard.MicroAccuracy;

    /// <summary>Mean per-class recall.</summary>
    public double MacroAccuracy => Standard.MacroAccuracy;

    /// <summary>Unweighted mean of per-class F1.</summary>
    public double MacroF1 => Scores.MacroF1;

    /// <summary>Support-weighted mean of per-class F1.</summary>
    public double WeightedF1 => Scores.WeightedF1;

    /// <summary>Cohen's κ of predictions against truth.</summary>
    public double CohenKappa => Scores.CohenKappa;

    /// <summary>Mean one-vs-rest ROC AUC over classes present.</summary>
    public double MacroAuc => Scores.MacroAuc;

    /// <summary>The values averaged over folds by cross-validation, by name.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        [nameof(MicroAccuracy)] = MicroAccuracy,
        [nameof(MacroAccuracy)] = MacroAccuracy,
        [nameof(MacroF1)] = MacroF1,
        [nameof(WeightedF1)] = WeightedF1,
        [nameof(CohenKappa)] = CohenKappa,
        [nameof(Standard.LogLoss)] = Standard.LogLoss,
        [nameof(MacroAuc)] = MacroAuc,
    };
}

/// <summary>A regressor's metrics on scored rows: ML.NET's own for a single target (<see cref="Standard"/>), and per
/// target (e.g. valence and arousal) MSE, RMSE, MAE, R², Pearson r and the concordance correlation coefficient.</summary>
/// <param name="Standard">ML.NET's metrics when label and score are scalars; null for vector targets (ML.NET's public
/// regression evaluator takes one target).</param>
/// <param name="Scores">Per-target and mean values.</param>
public sealed record ExtendedRegressionMetrics(RegressionMetrics? Standard, RegressionScores Scores)
{
    /// <summary>Mean over targets of the concordance correlation coefficient.</summary>
    public double ConcordanceCorrelation => Scores.ConcordanceCorrelation;

    /// <summary>Mean over targets of Pearson r.</summary>
    public double PearsonCorrelation => Scores.PearsonCorrelation;

    /// <summary>Mean over targets of the MSE.</summary>
    public double MeanSquaredError => Scores.MeanSquaredError;

    /// <summary>The values averaged over folds by cross-validation, by name.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        [nameof(RegressionScores.MeanSquaredError)] = Scores.MeanSquaredError,
        [nameof(RegressionScores.RootMeanSquaredError)] = Scores.RootMeanSquaredError,
        [nameof(RegressionScores.MeanAbsoluteError)] = Scores.MeanAbsoluteError,
        [nameof(RegressionScores.RSquared)] = Scores.RSquared,
        [nameof(RegressionScores.PearsonCorrelation)] = Scores.PearsonCorrelation,
        [nameof(RegressionScores.ConcordanceCorrelation)] = Scores.ConcordanceCorrelation,
    };
}
