namespace MlNetEmotion.Signals.Tests.Support;

/// <summary>Element-wise comparison with a relative tolerance and a scale-aware absolute floor.</summary>
public static class Parity
{
    /// <summary>Default relative tolerance against SciPy/PyWavelets.</summary>
    public const double Relative = 1e-6;

    /// <summary>
    /// Asserts |actual − expected| ≤ rel·|expected| + rel·1e-3·max|expected| for every element (the absolute floor keeps
    /// values that cancel to near zero from demanding impossible relative accuracy) and returns the largest error
    /// relative to max|expected|.
    /// </summary>
    public static double AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rel = Relative, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (double e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            double allowed = rel * Math.Abs(expected[i]) + rel * 1e-3 * scale;
            Assert.True(error <= allowed, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (error {error:E3} > {allowed:E3})");
            worst = Math.Max(worst, scale == 0 ? error : error / scale);
        }

        return worst;
    }
}
