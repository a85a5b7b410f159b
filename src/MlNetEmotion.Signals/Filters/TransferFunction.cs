namespace MlNetEmotion.Signals.Filters;

/// <summary>A digital filter as numerator <c>b</c> and denominator <c>a</c> polynomial coefficients in <c>z⁻¹</c> (SciPy's <c>(b, a)</c>).</summary>
/// <param name="B">Numerator coefficients, highest power of <c>z</c> first.</param>
/// <param name="A">Denominator coefficients; <c>A[0]</c> must not be zero.</param>
public sealed record TransferFunction(double[] B, double[] A);
