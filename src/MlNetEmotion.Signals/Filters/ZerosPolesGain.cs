using System.Numerics;

namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// A filter as zeros, poles and gain, with the analog prototype transforms and the bilinear transform
/// that SciPy's <c>iirfilter</c> chains (<c>lp2lp_zpk</c>, <c>lp2hp_zpk</c>, <c>lp2bp_zpk</c>,
/// <c>lp2bs_zpk</c>, <c>bilinear_zpk</c>), evaluated in the same order so results agree to rounding.
/// </summary>
internal sealed record ZerosPolesGain(Complex[] Zeros, Complex[] Poles, double Gain)
{
    private int RelativeDegree => Poles.Length - Zeros.Length;

    /// <summary>Analog Butterworth low-pass prototype of order <paramref name="order"/> with cutoff 1 rad/s (SciPy <c>buttap</c>).</summary>
    public static ZerosPolesGain ButterworthPrototype(int order)
    {
        var poles = new Complex[order];
        for (int i = 0; i < order; i++)
        {
            int m = -order + 1 + 2 * i;
            double theta = Math.PI * m / (2 * order);
            poles[i] = -Complex.Exp(new Complex(0, theta));
        }

        return new ZerosPolesGain([], poles, 1.0);
    }

    /// <summary>Scales the cutoff of an analog low-pass to <paramref name="wo"/>.</summary>
    public ZerosPolesGain ToLowPass(double wo) =>
        new(Scale(Zeros, wo), Scale(Poles, wo), Gain * Math.Pow(wo, RelativeDegree));

    /// <summary>Turns an analog low-pass into a high-pass with cutoff <paramref name="wo"/>.</summary>
    public ZerosPolesGain ToHighPass(double wo)
    {
        var zeros = new Complex[Zeros.Length + RelativeDegree];
        for (int i = 0; i < Zeros.Length; i++)
        {
            zeros[i] = wo / Zeros[i];
        }

        var poles = new Complex[Poles.Length];
        for (int i = 0; i < Poles.Length; i++)
        {
            poles[i] = wo / Poles[i];
        }

        return new ZerosPolesGain(zeros, poles, Gain * (ProductOfNegated(Zeros) / ProductOfNegated(Poles)).Real);
    }

    /// <summary>Turns an analog low-pass into a band-pass centred on <paramref name="wo"/> with width <paramref name="bw"/>.</summary>
    public ZerosPolesGain ToBandPass(double wo, double bw)
    {
        var zeros = new Complex[2 * Zeros.Length + RelativeDegree];
        SplitAroundCentre(Zeros, bw / 2, wo, invert: false, zeros);
        var poles = new Complex[2 * Poles.Length];
        SplitAroundCentre(Poles, bw / 2, wo, invert: false, poles);
        return new ZerosPolesGain(zeros, poles, Gain * Math.Pow(bw, RelativeDegree));
    }

    /// <summary>Turns an analog low-pass into a band-stop centred on <paramref name="wo"/> with width <paramref name="bw"/>.</summary>
    public ZerosPolesGain ToBandStop(double wo, double bw)
    {
        int degree = RelativeDegree;
        var zeros = new Complex[2 * Zeros.Length + 2 * degree];
        SplitAroundCentre(Zeros, bw / 2, wo, invert: true, zeros);
        for (int i = 0; i < degree; i++)
        {
            zeros[2 * Zeros.Length + i] = new Complex(0, wo);
            zeros[2 * Zeros.Length + degree + i] = new Complex(0, -wo);
        }

        var poles = new Complex[2 * Poles.Length];
        SplitAroundCentre(Poles, bw / 2, wo, invert: true, poles);
        return new ZerosPolesGain(zeros, poles, Gain * (ProductOfNegated(Zeros) / ProductOfNegated(Poles)).Real);
    }

    /// <summary>Maps an analog filter to a digital one with the bilinear transform at sampling rate <paramref name="fs"/>.</summary>
    public ZerosPolesGain Bilinear(double fs)
    {
        double fs2 = 2.0 * fs;
        var zeros = new Complex[Zeros.Length + RelativeDegree];
        Complex numerator = Complex.One;
        for (int i = 0; i < Zeros.Length; i++)
        {
            zeros[i] = (fs2 + Zeros[i]) / (fs2 - Zeros[i]);
            numerator *= fs2 - Zeros[i];
        }

        for (int i = Zeros.Length; i < zeros.Length; i++)
        {
            zeros[i] = -1.0;
        }

        var poles = new Complex[Poles.Length];
        Complex denominator = Complex.One;
        for (int i = 0; i < Poles.Length; i++)
        {
            poles[i] = (fs2 + Poles[i]) / (fs2 - Poles[i]);
            denominator *= fs2 - Poles[i];
        }

        return new ZerosPolesGain(zeros, poles, Gain * (numerator / denominator).Real);
    }

    private static Complex[] Scale(Complex[] roots, double factor)
    {
        var result = new Complex[roots.Length];
        for (int i = 0; i < roots.Length; i++)
        {
            result[i] = roots[i] * factor;
        }

        return result;
    }

    private static Complex ProductOfNegated(Complex[] roots)
    {
        Complex product = Complex.One;
        foreach (Complex r in roots)
        {
            product *= -r;
        }

        return product;
    }

    // Writes s ± sqrt(s² − wo²) for every root (s = root·half, or half/root for the band-stop inversion):
    // first all "+" branches, then all "−" branches, as SciPy concatenates them; zero-fills the rest.
    private static void SplitAroundCentre(Complex[] roots, double half, double wo, bool invert, Complex[] destination)
    {
        int n = roots.Length;
        for (int i = 0; i < n; i++)
        {
            Complex s = invert ? half / roots[i] : roots[i] * half;
            Complex root = Complex.Sqrt(s * s - wo * wo);
            destination[i] = s + root;
            destination[n + i] = s - root;
        }

        for (int i = 2 * n; i < destination.Length; i++)
        {
            destination[i] = Complex.Zero;
        }
    }
}
