namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// Filtering with <c>(b, a)</c> coefficients, matching SciPy's <c>lfilter</c>, <c>lfilter_zi</c> and
/// <c>filtfilt</c> (<c>padtype='odd'</c>, <c>method='pad'</c>). Prefer <see cref="SosFilter"/> for
/// orders above two: high-order <c>(b, a)</c> filters are numerically fragile.
/// </summary>
public static class TransferFunctionFilter
{
    /// <summary>Causal filtering in transposed direct form II (<c>scipy.signal.lfilter</c>).</summary>
    /// <param name="filter">The coefficients; normalised by <c>a[0]</c>.</param>
    /// <param name="x">Input samples.</param>
    /// <param name="y">Output, same length as <paramref name="x"/>; may be the same memory as <paramref name="x"/>.</param>
    /// <param name="state">Optional state of <c>max(len(a), len(b)) − 1</c> values, read and overwritten; empty means start from rest.</param>
    /// <exception cref="NonFiniteSampleException">An input sample is NaN or infinite.</exception>
    public static void LFilter(TransferFunction filter, ReadOnlySpan<double> x, Span<double> y, Span<double> state = default)
    {
        SampleGuard.EnsureFinite(x, nameof(x));
        (double[] b, double[] a) = Normalise(filter);
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"The output holds {y.Length} samples but the input has {x.Length}.", nameof(y));
        }

        double[] z = new double[b.Length - 1];
        if (!state.IsEmpty)
        {
            if (state.Length != z.Length)
            {
                throw new ArgumentException($"The state must hold {z.Length} values; got {state.Length}.", nameof(state));
            }

            state.CopyTo(z);
        }

        x.CopyTo(y);
        FilterInPlace(b, a, y, z);
        if (!state.IsEmpty)
        {
            z.CopyTo(state);
        }
    }

    /// <summary>Causal filtering from rest (<c>scipy.signal.lfilter</c>), allocating the output.</summary>
    /// <param name="filter">The coefficients.</param>
    /// <param name="x">Input samples.</param>
    /// <returns>The filtered signal.</returns>
    public static double[] LFilter(TransferFunction filter, ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        LFilter(filter, x, y);
        return y;
    }

    /// <summary>Steady-state initial conditions for a unit step (<c>scipy.signal.lfilter_zi</c>).</summary>
    /// <param name="filter">The coefficients.</param>
    /// <returns><c>max(len(a), len(b)) − 1</c> values.</returns>
    public static double[] LFilterZi(TransferFunction filter)
    {
        (double[] b, double[] a) = Normalise(filter);
        return SteadyState(b, a);
    }

    /// <summary>Zero-phase forward–backward filtering (<c>scipy.signal.filtfilt</c>, odd padding).</summary>
    /// <param name="filter">The coefficients.</param>
    /// <param name="x">Input samples; must be longer than the padding length.</param>
    /// <param name="y">Output, same length as <paramref name="x"/>.</param>
    /// <param name="padLength">Samples of odd extension at each end; null means SciPy's <c>3·max(len(a), len(b))</c>.</param>
    /// <exception cref="NonFiniteSampleException">An input sample is NaN or infinite.</exception>
    public static void FiltFilt(TransferFunction filter, ReadOnlySpan<double> x, Span<double> y, int? padLength = null)
    {
        SampleGuard.EnsureFinite(x, nameof(x));
        ArgumentNullException.ThrowIfNull(filter);
        int taps = Math.Max(filter.A.Length, filter.B.Length);
        (double[] b, double[] a) = Normalise(filter);
        ZeroPhase.Apply(x, y, padLength ?? 3 * taps, SteadyState(b, a), (data, state) => FilterInPlace(b, a, data, state));
    }

    /// <summary>Zero-phase forward–backward filtering (<c>scipy.signal.filtfilt</c>), allocating the output.</summary>
    /// <param name="filter">The coefficients.</param>
    /// <param name="x">Input samples.</param>
    /// <param name="padLength">Samples of odd extension at each end; null means SciPy's default.</param>
    /// <returns>The filtered signal.</returns>
    public static double[] FiltFilt(TransferFunction filter, ReadOnlySpan<double> x, int? padLength = null)
    {
        var y = new double[x.Length];
        FiltFilt(filter, x, y, padLength);
        return y;
    }

    /// <summary><c>lfilter_zi</c> for raw coefficient spans (used per section by <see cref="SosFilter.SosFiltZi"/>).</summary>
    internal static double[] LFilterZi(ReadOnlySpan<double> b, ReadOnlySpan<double> a) => LFilterZi(new TransferFunction(b.ToArray(), a.ToArray()));

    // Strips leading zeros of a, divides by a[0], pads b and a to the same length.
    private static (double[] B, double[] A) Normalise(TransferFunction filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(filter.B);
        ArgumentNullException.ThrowIfNull(filter.A);
        SampleGuard.EnsureFinite(filter.B, "b");
        SampleGuard.EnsureFinite(filter.A, "a");
        int start = 0;
        while (start < filter.A.Length - 1 && filter.A[start] == 0.0)
        {
            start++;
        }

        if (filter.B.Length == 0 || filter.A.Length == 0 || filter.A[start] == 0.0)
        {
            throw new ArgumentException("A filter needs at least one b coefficient and a nonzero a coefficient.", nameof(filter));
        }

        double a0 = filter.A[start];
        int n = Math.Max(filter.A.Length - start, filter.B.Length);
        var b = new double[n];
        var a = new double[n];
        for (int i = 0; i < filter.B.Length; i++)
        {
            b[i] = a0 == 1.0 ? filter.B[i] : filter.B[i] / a0;
        }

        for (int i = start; i < filter.A.Length; i++)
        {
            a[i - start] = a0 == 1.0 ? filter.A[i] : filter.A[i] / a0;
        }

        return (b, a);
    }

    // Solves (I − companion(a)ᵀ)·zi = b[1:] − a[1:]·b[0] by Gaussian elimination with partial pivoting.
    private static double[] SteadyState(double[] b, double[] a)
    {
        int m = b.Length - 1;
        var matrix = new double[m, m];
        var rhs = new double[m];
        for (int i = 0; i < m; i++)
        {
            matrix[i, 0] = a[i + 1];
            if (i + 1 < m)
            {
                matrix[i, i + 1] = -1.0;
            }

            matrix[i, i] += 1.0;
            rhs[i] = b[i + 1] - a[i + 1] * b[0];
        }

        return DenseSolver.Solve(matrix, rhs);
    }

    // Transposed direct form II in lfilter's operation order.
    private static void FilterInPlace(double[] b, double[] a, Span<double> data, Span<double> z)
    {
        int order = b.Length - 1;
        if (order == 0)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] *= b[0];
            }

            return;
        }

        for (int i = 0; i < data.Length; i++)
        {
            double x = data[i];
            double y = z[0] + b[0] * x;
            for (int k = 1; k < order; k++)
            {
                z[k - 1] = z[k] + x * b[k] - y * a[k];
            }

            z[order - 1] = x * b[order] - y * a[order];
            data[i] = y;
        }
    }
}
