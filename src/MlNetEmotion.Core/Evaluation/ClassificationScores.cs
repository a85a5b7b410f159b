namespace MlNetEmotion.Evaluation;

/// <summary>Metrics of a multiclass classifier, as scikit-learn defines them (values agree with it to 1e-9).</summary>
public sealed class ClassificationScores
{
    /// <summary>Creates metrics from their values (normally made by <see cref="MulticlassMetricsCalculator"/>).</summary>
    public ClassificationScores(double microAccuracy, double macroAccuracy, double logLoss, double logLossReduction,
        IReadOnlyList<double> perClassPrecision, IReadOnlyList<double> perClassRecall, IReadOnlyList<double> perClassF1,
        double macroF1, double weightedF1, double cohenKappa, double macroAuc, ConfusionCounts counts)
    {
        MicroAccuracy = microAccuracy; MacroAccuracy = macroAccuracy; LogLoss = logLoss; LogLossReduction = logLossReduction;
        PerClassPrecision = perClassPrecision; PerClassRecall = perClassRecall; PerClassF1 = perClassF1;
        MacroF1 = macroF1; WeightedF1 = weightedF1; CohenKappa = cohenKappa; MacroAuc = macroAuc; Counts = counts;
    }

    /// <summary>Fraction of rows classified right: the papers' "classification rate" (sklearn <c>accuracy_score</c>).</summary>
    public double MicroAccuracy { get; }

    /// <summary>Mean per-class recall over classes present in the truth (sklearn <c>balanced_accuracy_score</c>).</summary>
    public double MacroAccuracy { get; }

    /// <summary>Mean negative log of the probability given to the true class, probabilities clipped to
    /// [1e-15, 1 - 1e-15] and renormalised per row (sklearn 1.2 <c>log_loss</c>); NaN without scores.</summary>
    public double LogLoss { get; }

    /// <summary>1 - LogLoss / (log-loss of predicting the class frequencies); NaN without scores.</summary>
    public double LogLossReduction { get; }

    /// <summary>Precision of each class (0 for a class never predicted).</summary>
    public IReadOnlyList<double> PerClassPrecision { get; }

    /// <summary>Recall of each class (0 for a class absent from the truth).</summary>
    public IReadOnlyList<double> PerClassRecall { get; }

    /// <summary>F1 of each class (0 when precision and recall are both 0).</summary>
    public IReadOnlyList<double> PerClassF1 { get; }

    /// <summary>Mean F1 over classes present in the truth or the predictions (sklearn <c>f1_score(average='macro')</c>).</summary>
    public double MacroF1 { get; }

    /// <summary>F1 averaged with class supports as weights (sklearn <c>average='weighted'</c>).</summary>
    public double WeightedF1 { get; }

    /// <summary>Cohen's kappa of truth and prediction (sklearn <c>cohen_kappa_score</c>).</summary>
    public double CohenKappa { get; }

    /// <summary>One-vs-rest ROC AUC averaged over classes that have both positive and negative rows
    /// (sklearn <c>roc_auc_score(multi_class='ovr', average='macro')</c> when every class is present); NaN without scores.</summary>
    public double MacroAuc { get; }

    /// <summary>The confusion matrix.</summary>
    public ConfusionCounts Counts { get; }
}
