namespace MlNetEmotion.Evaluation;

/// <summary>Computes <see cref="RegressionScores"/> per target, as scikit-learn and Lin (1989) define them.</summary>
public static class RegressionMetricsCalculator
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="truth">Per target, the true values of each row.</param>
    /// <param name="predicted">Per target, the predicted values of each row.</param>
    /// <param name="targetNames">Names of the targets.</param>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, or a non-finite value (row and target named).</exception>
    public static RegressionScores Compute(IReadOnlyList<double[]> truth, IReadOnlyList<double[]> predicted, IReadOnlyList<string> targetNames)
    {
        if (truth.Count != predicted.Count || truth.Count != targetNames.Count)
            throw new ArgumentException($"{truth.Count} truth targets, {predicted.Count} predicted targets, {targetNames.Count} names.");
        return new RegressionScores(truth.Select((t, i) => ComputeTarget(targetNames[i], t, predicted[i])).ToArray());
    }

    /// <summary>Metrics of one target.</summary>
    public static RegressionTargetMetrics ComputeTarget(string name, ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        int n = truth.Length;
        if (n == 0) throw new ArgumentException($"Target '{name}': no rows to evaluate.");
        if (predicted.Length != n) throw new ArgumentException($"Target '{name}': {predicted.Length} predictions for {n} labels.");
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(truth[i])) throw new ArgumentException($"Target '{name}', row {i}: label {truth[i]} is not finite.");
            if (!double.IsFinite(predicted[i])) throw new ArgumentException($"Target '{name}', row {i}: prediction {predicted[i]} is not finite.");
            meanX += truth[i];
            meanY += predicted[i];
        }
        meanX /= n;
        meanY /= n;
        double sse = 0, sae = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double e = predicted[i] - truth[i], dx = truth[i] - meanX, dy = predicted[i] - meanY;
            sse += e * e;
            sae += Math.Abs(e);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double mse = sse / n;
        double r2 = sxx == 0 ? (sse == 0 ? 1 : 0) : 1 - sse / sxx;
        double pearson = sxy / Math.Sqrt(sxx * syy);
        double ccc = 2 * (sxy / n) / (sxx / n + syy / n + (meanX - meanY) * (meanX - meanY));
        return new RegressionTargetMetrics(name, mse, Math.Sqrt(mse), sae / n, r2, pearson, ccc);
    }
}
