namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// A digital IIR filter as a cascade of biquads, laid out like SciPy's <c>sos</c> array: one row
/// <c>[b0, b1, b2, a0, a1, a2]</c> per section with <c>a0 = 1</c>.
/// </summary>
public sealed class SecondOrderSections
{
    private readonly double[] _coefficients;

    /// <summary>Wraps row-major coefficients, six per section.</summary>
    /// <param name="coefficients">Row-major <c>[sections, 6]</c> array; every <c>a0</c> must be 1.</param>
    /// <exception cref="ArgumentException">The length is not a positive multiple of six, a coefficient is not finite, or an <c>a0</c> is not 1.</exception>
    public SecondOrderSections(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length == 0 || coefficients.Length % 6 != 0)
        {
            throw new ArgumentException($"Second-order sections need 6 coefficients per section; got {coefficients.Length}.", nameof(coefficients));
        }

        SampleGuard.EnsureFinite(coefficients, nameof(coefficients));
        for (int s = 0; s < coefficients.Length / 6; s++)
        {
            if (coefficients[6 * s + 3] != 1.0)
            {
                throw new ArgumentException($"Section {s} has a0 = {coefficients[6 * s + 3]}; second-order sections must be normalised to a0 = 1.", nameof(coefficients));
            }
        }

        _coefficients = coefficients.ToArray();
    }

    /// <summary>Wraps a <c>[sections, 6]</c> coefficient matrix.</summary>
    /// <param name="coefficients">One row <c>[b0, b1, b2, 1, a1, a2]</c> per section.</param>
    public SecondOrderSections(double[,] coefficients)
        : this(Flatten(coefficients))
    {
    }

    /// <summary>Number of biquad sections.</summary>
    public int Count => _coefficients.Length / 6;

    /// <summary>All coefficients, row-major <c>[Count, 6]</c>.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The six coefficients <c>[b0, b1, b2, a0, a1, a2]</c> of section <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based section index.</param>
    public ReadOnlySpan<double> Section(int index) => _coefficients.AsSpan(6 * index, 6);

    /// <summary>Copies the coefficients into a <c>[Count, 6]</c> matrix.</summary>
    public double[,] ToArray()
    {
        var result = new double[Count, 6];
        for (int s = 0; s < Count; s++)
        {
            for (int j = 0; j < 6; j++)
            {
                result[s, j] = _coefficients[6 * s + j];
            }
        }

        return result;
    }

    private static double[] Flatten(double[,] coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.GetLength(1) != 6)
        {
            throw new ArgumentException($"Second-order sections need 6 columns; got {coefficients.GetLength(1)}.", nameof(coefficients));
        }

        var flat = new double[coefficients.Length];
        int k = 0;
        foreach (double c in coefficients)
        {
            flat[k++] = c;
        }

        return flat;
    }
}
