namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// The parity criterion: every element satisfies <c>|actual − expected| ≤ Rel · (1 + |expected|)</c>,
/// i.e. 1e-5 relative for values above 1 and 1e-5 absolute below. References are exact (PyTorch in float64 on
/// the stored float32 inputs), so the slack only has to cover our float32 rounding.
/// </summary>
internal static class Tolerance
{
    /// <summary>The default bound, 1e-5 (issue 3).</summary>
    public const double Rel = 1e-5;

    /// <summary>Asserts equal length and the criterion; the message names the quantity, the worst element and the error.</summary>
    public static double AssertClose(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rel = Rel)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, expected {expected.Length}.");
        int worstIndex = -1;
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            double err = double.IsNaN(a) ? double.PositiveInfinity : Math.Abs(a - e) / (1 + Math.Abs(e));
            if (err > worst) (worst, worstIndex) = (err, i);
        }

        Assert.True(worst <= rel,
            $"{what}: element {worstIndex} is {(worstIndex < 0 ? 0 : actual[worstIndex])}, expected {(worstIndex < 0 ? 0 : expected[worstIndex])} " +
            $"(error {worst:E2} > {rel:E0}).");
        return worst;
    }
}
