namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>The parity criterion itself: it must reject errors above the bound, so the parity tests can fail.</summary>
public sealed class ToleranceTests
{
    [Theory]
    [InlineData(0.5f, 0.5f + 1.6e-5f)]
    [InlineData(100f, 100.0f + 2.0e-3f)]
    [InlineData(1e-3f, 1e-3f + 1.2e-5f)]
    public void Rejects_errors_above_the_bound(float expected, float actual) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Tolerance.AssertClose("probe", [expected], [actual]));

    [Theory]
    [InlineData(0.5f, 0.5f + 1.0e-5f)]
    [InlineData(100f, 100.0f + 5.0e-4f)]
    [InlineData(1e-3f, 1e-3f + 8e-6f)]
    public void Accepts_errors_within_the_bound(float expected, float actual) =>
        Assert.True(Tolerance.AssertClose("probe", [expected], [actual]) <= Tolerance.Rel);

    [Fact]
    public void Rejects_nan() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Tolerance.AssertClose("probe", [1f], [float.NaN]));
}
