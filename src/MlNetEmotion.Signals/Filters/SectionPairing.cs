using System.Numerics;

namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// Groups the zeros and poles of a digital filter into second-order sections with SciPy's
/// <c>zpk2sos(pairing='nearest')</c> rules: the poles closest to the unit circle go last, each pole
/// (pair) takes the nearest zero (pair), and the gain goes into the first section.
/// </summary>
internal static class SectionPairing
{
    // SciPy's default: 100 times the double-precision machine epsilon.
    private const double RealTolerance = 100 * 2.220446049250313e-16;

    /// <summary>Builds second-order sections from <paramref name="zpk"/>.</summary>
    public static SecondOrderSections Nearest(ZerosPolesGain zpk)
    {
        var zeros = new List<Complex>(zpk.Zeros);
        var poles = new List<Complex>(zpk.Poles);
        if (zeros.Count == 0 && poles.Count == 0)
        {
            return new SecondOrderSections([zpk.Gain, 0, 0, 1, 0, 0]);
        }

        while (poles.Count < zeros.Count)
        {
            poles.Add(Complex.Zero);
        }

        while (zeros.Count < poles.Count)
        {
            zeros.Add(Complex.Zero);
        }

        int sectionCount = (poles.Count + 1) / 2;
        if (poles.Count % 2 == 1)
        {
            poles.Add(Complex.Zero);
            zeros.Add(Complex.Zero);
        }

        zeros = ConjugatePairsThenReals(zeros);
        poles = ConjugatePairsThenReals(poles);
        var sos = new double[6 * sectionCount];
        for (int si = sectionCount - 1; si >= 0; si--)
        {
            Span<double> row = sos.AsSpan(6 * si, 6);
            Complex p1 = TakeAt(poles, ClosestToUnitCircle(poles, realOnly: false));
            if (IsReal(p1) && CountReal(poles) == 0)
            {
                // Last remaining real pole: a first-order section padded with a pole and zero at the origin.
                Complex z1 = TakeAt(zeros, Nearest(zeros, p1, RootKind.Real));
                WriteSection(row, z1, Complex.Zero, p1, Complex.Zero);
            }
            else if (poles.Count + 1 == zeros.Count && !IsReal(p1) && CountReal(poles) == 1 && CountReal(zeros) == 1)
            {
                // One real pole and one real zero remain for later: this complex pole must take a complex zero.
                Complex z1 = TakeAt(zeros, Nearest(zeros, p1, RootKind.Complex));
                WriteSection(row, z1, Complex.Conjugate(z1), p1, Complex.Conjugate(p1));
            }
            else
            {
                Complex p2 = IsReal(p1) ? TakeAt(poles, ClosestToUnitCircle(poles, realOnly: true)) : Complex.Conjugate(p1);
                Complex z1 = TakeAt(zeros, Nearest(zeros, p1, RootKind.Any));
                Complex z2 = IsReal(z1) ? TakeAt(zeros, Nearest(zeros, p1, RootKind.Real)) : Complex.Conjugate(z1);
                WriteSection(row, z1, z2, p1, p2);
            }
        }

        for (int j = 0; j < 3; j++)
        {
            sos[j] *= zpk.Gain;
        }

        return new SecondOrderSections(sos);
    }

    private enum RootKind
    {
        Any,
        Real,
        Complex,
    }

    private static bool IsReal(Complex c) => c.Imaginary == 0.0;

    private static int CountReal(List<Complex> roots) => roots.Count(IsReal);

    private static Complex TakeAt(List<Complex> roots, int index)
    {
        Complex value = roots[index];
        roots.RemoveAt(index);
        return value;
    }

    private static int ClosestToUnitCircle(List<Complex> roots, bool realOnly)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < roots.Count; i++)
        {
            if (realOnly && !IsReal(roots[i]))
            {
                continue;
            }

            double distance = Math.Abs(1 - Complex.Abs(roots[i]));
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Nearest(List<Complex> roots, Complex target, RootKind kind)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < roots.Count; i++)
        {
            if ((kind == RootKind.Real && !IsReal(roots[i])) || (kind == RootKind.Complex && IsReal(roots[i])))
            {
                continue;
            }

            double distance = Complex.Abs(roots[i] - target);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    // The section b = poly(z1, z2), a = poly(p1, p2), real parts (the pairs are conjugate or both real).
    private static void WriteSection(Span<double> row, Complex z1, Complex z2, Complex p1, Complex p2)
    {
        row[0] = 1.0;
        row[1] = (-z1 + -z2).Real;
        row[2] = (-z1 * -z2).Real;
        row[3] = 1.0;
        row[4] = (-p1 + -p2).Real;
        row[5] = (-p1 * -p2).Real;
    }

    // SciPy's _cplxreal: one representative (positive imaginary part, averaged with its conjugate) of each
    // complex pair sorted by real part, followed by the real roots sorted ascending.
    private static List<Complex> ConjugatePairsThenReals(List<Complex> roots)
    {
        var sorted = roots.OrderBy(r => r.Real).ThenBy(r => Math.Abs(r.Imaginary)).ToList();
        var reals = new List<double>();
        var positive = new List<Complex>();
        var negative = new List<Complex>();
        foreach (Complex r in sorted)
        {
            if (Math.Abs(r.Imaginary) <= RealTolerance * Complex.Abs(r))
            {
                reals.Add(r.Real);
            }
            else if (r.Imaginary > 0)
            {
                positive.Add(r);
            }
            else
            {
                negative.Add(r);
            }
        }

        if (positive.Count != negative.Count)
        {
            throw new InvalidOperationException("Filter roots contain a complex value with no matching conjugate.");
        }

        foreach ((int start, int count) in RunsOfEqualRealPart(positive))
        {
            SortByImaginaryMagnitude(positive, start, count);
            SortByImaginaryMagnitude(negative, start, count);
        }

        var result = new List<Complex>(positive.Count + reals.Count);
        for (int i = 0; i < positive.Count; i++)
        {
            Complex zn = Complex.Conjugate(negative[i]);
            if (Complex.Abs(positive[i] - zn) > RealTolerance * Complex.Abs(negative[i]))
            {
                throw new InvalidOperationException("Filter roots contain a complex value with no matching conjugate.");
            }

            result.Add((positive[i] + zn) / 2);
        }

        foreach (double r in reals)
        {
            result.Add(r);
        }

        return result;
    }

    // Runs of consecutive roots whose real parts agree to tolerance, as (start, count) with count > 1.
    private static List<(int Start, int Count)> RunsOfEqualRealPart(List<Complex> roots)
    {
        var runs = new List<(int, int)>();
        int start = 0;
        while (start < roots.Count)
        {
            int stop = start;
            while (stop + 1 < roots.Count && roots[stop + 1].Real - roots[stop].Real <= RealTolerance * Complex.Abs(roots[stop]))
            {
                stop++;
            }

            if (stop > start)
            {
                runs.Add((start, stop - start + 1));
            }

            start = stop + 1;
        }

        return runs;
    }

    private static void SortByImaginaryMagnitude(List<Complex> roots, int start, int count)
    {
        var run = roots.GetRange(start, count).OrderBy(c => Math.Abs(c.Imaginary)).ToList();
        for (int i = 0; i < count; i++)
        {
            roots[start + i] = run[i];
        }
    }
}
