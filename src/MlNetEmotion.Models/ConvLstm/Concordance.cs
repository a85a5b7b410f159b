namespace MlNetEmotion.Models.ConvLstm;

/// <summary>The concordance correlation coefficient, paper 001's metric (Mi et al.; SEEDS.md 001 step 5), in double.</summary>
public static class Concordance
{
    /// <summary><c>CCC = 2·s_xy / (s_x² + s_y² + (μ_x − μ_y)²)</c> with population (1/N) moments.</summary>
    /// <param name="x">First series (e.g. predictions).</param>
    /// <param name="y">Second series (e.g. targets), as long as <paramref name="x"/>.</param>
    /// <returns>The coefficient in [−1, 1]; NaN when both series are constant and equal.</returns>
    /// <exception cref="ArgumentException">The series differ in length or are empty.</exception>
    public static double Ccc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"Concordance.Ccc: the series have {x.Length} and {y.Length} values.", nameof(y));
        if (x.IsEmpty) throw new ArgumentException("Concordance.Ccc: the series are empty.", nameof(x));
        double meanX = 0, meanY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.Length;
        meanY /= y.Length;
        double varX = 0, varY = 0, cov = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            varX += dx * dx;
            varY += dy * dy;
            cov += dx * dy;
        }
        varX /= x.Length;
        varY /= x.Length;
        cov /= x.Length;
        double diff = meanX - meanY;
        return 2 * cov / (varX + varY + diff * diff);
    }
}
