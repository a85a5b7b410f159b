using System.Numerics;

namespace MlNetEmotion.Eeg.Topography.Geometry;

/// <summary>Orientation and in-circle tests with exact signs: a floating-point evaluation with Shewchuk's
/// forward error bounds decides when it can, and an exact evaluation on the doubles' binary values (as
/// arbitrary-precision integers) decides the rest. Triangulations are built once per montage, so the slow path
/// costs nothing that matters.</summary>
internal static class ExactPredicates
{
    private const double Epsilon = 1.1102230246251565e-16; // 2^-53
    private const double OrientBound = (3.0 + 16.0 * Epsilon) * Epsilon;
    private const double InCircleBound = (10.0 + 96.0 * Epsilon) * Epsilon;

    /// <summary>Sign of twice the signed area of (a, b, c): positive when counter-clockwise.</summary>
    public static int Orient(Point2 a, Point2 b, Point2 c)
    {
        double left = (a.X - c.X) * (b.Y - c.Y), right = (a.Y - c.Y) * (b.X - c.X);
        double det = left - right;
        double bound = OrientBound * (Math.Abs(left) + Math.Abs(right));
        if (det > bound || -det > bound) return Math.Sign(det);
        var (v, _) = Exact([a.X, a.Y, b.X, b.Y, c.X, c.Y]);
        BigInteger l = (v[0] - v[4]) * (v[3] - v[5]), r = (v[1] - v[5]) * (v[2] - v[4]);
        return (l - r).Sign;
    }

    /// <summary>Positive when d lies strictly inside the circle through the counter-clockwise triangle (a, b, c),
    /// negative outside, zero on it.</summary>
    public static int InCircle(Point2 a, Point2 b, Point2 c, Point2 d)
    {
        double adx = a.X - d.X, ady = a.Y - d.Y, bdx = b.X - d.X, bdy = b.Y - d.Y, cdx = c.X - d.X, cdy = c.Y - d.Y;
        double bdxcdy = bdx * cdy, cdxbdy = cdx * bdy, cdxady = cdx * ady, adxcdy = adx * cdy, adxbdy = adx * bdy, bdxady = bdx * ady;
        double alift = adx * adx + ady * ady, blift = bdx * bdx + bdy * bdy, clift = cdx * cdx + cdy * cdy;
        double det = alift * (bdxcdy - cdxbdy) + blift * (cdxady - adxcdy) + clift * (adxbdy - bdxady);
        double permanent = (Math.Abs(bdxcdy) + Math.Abs(cdxbdy)) * alift + (Math.Abs(cdxady) + Math.Abs(adxcdy)) * blift
                           + (Math.Abs(adxbdy) + Math.Abs(bdxady)) * clift;
        double bound = InCircleBound * permanent;
        if (det > bound || -det > bound) return Math.Sign(det);
        var (v, _) = Exact([a.X, a.Y, b.X, b.Y, c.X, c.Y, d.X, d.Y]);
        BigInteger eax = v[0] - v[6], eay = v[1] - v[7], ebx = v[2] - v[6], eby = v[3] - v[7], ecx = v[4] - v[6], ecy = v[5] - v[7];
        BigInteger la = eax * eax + eay * eay, lb = ebx * ebx + eby * eby, lc = ecx * ecx + ecy * ecy;
        return (la * (ebx * ecy - ecx * eby) + lb * (ecx * eay - eax * ecy) + lc * (eax * eby - ebx * eay)).Sign;
    }

    // Every double is m * 2^e with integer m; scaling all values by 2^-min(e) makes them exact integers.
    private static (BigInteger[] Values, int Exponent) Exact(double[] values)
    {
        var mantissas = new long[values.Length];
        var exponents = new int[values.Length];
        int min = int.MaxValue;
        for (int i = 0; i < values.Length; i++)
        {
            long bits = BitConverter.DoubleToInt64Bits(values[i]);
            int exp = (int)((bits >> 52) & 0x7FF);
            long frac = bits & 0xFFFFFFFFFFFFFL;
            long m = exp == 0 ? frac : frac | (1L << 52);
            int e = (exp == 0 ? 1 : exp) - 1075;
            mantissas[i] = bits < 0 ? -m : m;
            exponents[i] = e;
            if (m != 0) min = Math.Min(min, e);
        }
        if (min == int.MaxValue) min = 0;
        var result = new BigInteger[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = mantissas[i] == 0 ? BigInteger.Zero : new BigInteger(mantissas[i]) << (exponents[i] - min);
        return (result, min);
    }
}
