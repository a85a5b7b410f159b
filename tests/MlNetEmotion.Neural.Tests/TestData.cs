namespace MlNetEmotion.Neural.Tests;

/// <summary>Small assertion helpers for comparing float arrays against reference values.</summary>
public static class Approx
{
    /// <summary>Asserts |actual − expected| ≤ atol + rtol·|expected| element by element.</summary>
    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Abs(actual[i] - expected[i]);
            Assert.True(err <= atol + rtol * Math.Abs(expected[i]), $"element {i}: expected {expected[i]}, got {actual[i]} (err {err})");
        }
    }
}
