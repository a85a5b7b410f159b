namespace MlNetEmotion.Evaluation;

/// <summary>Computes <see cref="ClassificationScores"/> from 0-based class indices and optional class probabilities, as
/// scikit-learn does: the metrics ML.NET does not report (F1, kappa, one-vs-rest AUC) and the rest beside them.</summary>
public static class MulticlassMetricsCalculator
{
    /// <summary>Probability clip used by the log-loss (scikit-learn 1.2's default eps).</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>Computes the metrics.</summary>
    /// <param name="truth">True class of each row, 0-based.</param>
    /// <param name="predicted">Predicted class of each row, 0-based.</param>
    /// <param name="probabilities">Per-row class probabilities (one array of length <c>classNames.Count</c> per row), or null.</param>
    /// <param name="classNames">Class names; their count is the number of classes.</param>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, or classes out of range (the row is named).</exception>
    public static ClassificationScores Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted,
        IReadOnlyList<double[]>? probabilities, IReadOnlyList<string> classNames)
    {
        int n = truth.Count, k = classNames.Count;
        if (n == 0) throw new ArgumentException("No rows to evaluate.", nameof(truth));
        if (predicted.Count != n) throw new ArgumentException($"{predicted.Count} predictions for {n} labels.", nameof(predicted));
        if (probabilities is not null && probabilities.Count != n)
            throw new ArgumentException($"{probabilities.Count} score rows for {n} labels.", nameof(probabilities));
        for (int i = 0; i < n; i++)
        {
            if ((uint)truth[i] >= (uint)k) throw new ArgumentException($"Row {i}: true class {truth[i]} is outside 0..{k - 1}.", nameof(truth));
            if ((uint)predicted[i] >= (uint)k) throw new ArgumentException($"Row {i}: predicted class {predicted[i]} is outside 0..{k - 1}.", nameof(predicted));
        }
        // Sparse counts: time and memory grow with rows + classes, not classes squared.
        var cm = new ConfusionCounts(classNames, Enumerable.Range(0, n).Select(i => new ConfusionCell(truth[i], predicted[i], 1)));
        var precision = cm.PerClassPrecision;
        var recall = cm.PerClassRecall;
        var f1 = Enumerable.Range(0, k).Select(c => precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c])).ToArray();
        var support = Enumerable.Range(0, k).Select(cm.RowSum).ToArray();
        var predictedCount = Enumerable.Range(0, k).Select(cm.ColumnSum).ToArray();
        long correct = cm.Correct;

        var present = Enumerable.Range(0, k).Where(c => support[c] > 0).ToArray();
        var seen = Enumerable.Range(0, k).Where(c => support[c] > 0 || predictedCount[c] > 0).ToArray();
        double microAccuracy = (double)correct / n;
        double macroAccuracy = present.Average(c => recall[c]);
        double macroF1 = seen.Average(c => f1[c]);
        double weightedF1 = present.Sum(c => f1[c] * support[c]) / n;
        double po = microAccuracy;
        double pe = Enumerable.Range(0, k).Sum(c => (double)support[c] * predictedCount[c]) / ((double)n * n);
        double kappa = (po - pe) / (1 - pe);

        double logLoss = double.NaN, logLossReduction = double.NaN, macroAuc = double.NaN;
        if (probabilities is not null)
        {
            for (int i = 0; i < n; i++)
                if (probabilities[i] is null || probabilities[i].Length != k)
                    throw new ArgumentException($"Row {i}: expected {k} class scores, found {probabilities[i]?.Length ?? 0}.", nameof(probabilities));
            logLoss = LogLoss(truth, probabilities);
            double prior = -present.Sum(c => (double)support[c] / n * Math.Log((double)support[c] / n));
            logLossReduction = prior > 0 ? 1 - logLoss / prior : double.NaN;
            var aucs = present.Where(c => support[c] < n).Select(c => BinaryAuc(truth, probabilities, c)).ToArray();
            macroAuc = aucs.Length > 0 ? aucs.Average() : double.NaN;
        }
        return new ClassificationScores(microAccuracy, macroAccuracy, logLoss, logLossReduction,
            precision, recall, f1, macroF1, weightedF1, kappa, macroAuc, cm);
    }

    private static double LogLoss(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        double total = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            var p = probabilities[i];
            double sum = 0;
            for (int c = 0; c < p.Length; c++)
            {
                if (!double.IsFinite(p[c])) throw new ArgumentException($"Row {i}: score {c} is {p[c]}, not finite.", nameof(probabilities));
                sum += Math.Clamp(p[c], LogLossEpsilon, 1 - LogLossEpsilon);
            }
            total -= Math.Log(Math.Clamp(p[truth[i]], LogLossEpsilon, 1 - LogLossEpsilon) / sum);
        }
        return total / truth.Count;
    }

    /// <summary>Area under the ROC curve of class <paramref name="positive"/> against the rest, by the Mann–Whitney
    /// statistic with ties counted half (equal to the trapezoidal ROC area).</summary>
    private static double BinaryAuc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int positive)
    {
        int n = truth.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => probabilities[i][positive]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            double score = probabilities[order[start]][positive];
            while (end + 1 < n && probabilities[order[end + 1]][positive] == score) end++;
            double averageRank = (start + end) / 2.0 + 1;
            for (int j = start; j <= end; j++)
                if (truth[order[j]] == positive) { rankSumPositive += averageRank; positives++; }
            start = end + 1;
        }
        long negatives = n - positives;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
