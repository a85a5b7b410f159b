namespace MlNetEmotion.Signals.Resampling;

/// <summary>The Kaiser window, <c>I0(β·√(1 − ((n − α)/α)²)) / I0(β)</c> with <c>α = (M − 1)/2</c> (SciPy <c>windows.kaiser</c>).</summary>
public static class KaiserWindow
{
    /// <summary>Symmetric Kaiser window of <paramref name="length"/> points (<c>scipy.signal.windows.kaiser(M, beta, sym=True)</c>).</summary>
    /// <param name="length">Number of points, at least 1.</param>
    /// <param name="beta">Shape parameter β, non-negative (5 is SciPy's <c>resample_poly</c> default).</param>
    /// <returns>The window.</returns>
    public static double[] Symmetric(int length, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (!(beta >= 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "The Kaiser shape parameter beta must be a non-negative finite number.");
        }

        var w = new double[length];
        if (length == 1)
        {
            w[0] = 1.0;
            return w;
        }

        double alpha = (length - 1) / 2.0;
        double denominator = BesselI0(beta);
        for (int n = 0; n < length; n++)
        {
            double r = (n - alpha) / alpha;
            w[n] = BesselI0(beta * Math.Sqrt(1 - r * r)) / denominator;
        }

        return w;
    }

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (all terms positive, so no cancellation).</summary>
    /// <param name="x">Argument.</param>
    public static double BesselI0(double x)
    {
        double quarterSquare = x * x / 4;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 500; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
