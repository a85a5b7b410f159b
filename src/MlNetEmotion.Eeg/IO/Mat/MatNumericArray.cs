namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>
/// A numeric or logical MATLAB array. Elements are held as <see cref="double"/> in MATLAB's
/// column-major order whatever the stored class (64-bit integers beyond 2^53 lose precision).
/// </summary>
public sealed class MatNumericArray : MatValue
{
    private readonly MatClass matClass;

    /// <summary>Creates a numeric array.</summary>
    /// <param name="matClass">The MATLAB class to store as (a numeric class).</param>
    /// <param name="dimensions">MATLAB dimensions.</param>
    /// <param name="real">Real parts in column-major order.</param>
    /// <param name="imaginary">Imaginary parts, or null for a real array.</param>
    /// <param name="isLogical">True for a logical array (class <see cref="MatClass.UInt8"/>).</param>
    public MatNumericArray(MatClass matClass, int[] dimensions, double[] real, double[]? imaginary = null, bool isLogical = false)
        : base(dimensions)
    {
        if (matClass < MatClass.Double)
            throw new ArgumentException($"{matClass} is not a numeric MATLAB class.", nameof(matClass));
        ArgumentNullException.ThrowIfNull(real);
        if (real.Length != Count || (imaginary is not null && imaginary.Length != Count))
            throw new ArgumentException($"Dimensions [{string.Join("x", dimensions)}] need {Count} elements; got {real.Length}.", nameof(real));
        this.matClass = matClass;
        Real = real;
        Imaginary = imaginary;
        IsLogical = isLogical;
    }

    /// <summary>Creates a double array from row-major (C-order, NumPy) data.</summary>
    /// <param name="rowMajor">Elements in C order.</param>
    /// <param name="dimensions">Dimensions.</param>
    public static MatNumericArray FromRowMajor(double[] rowMajor, params int[] dimensions) =>
        new(MatClass.Double, dimensions, Reorder(rowMajor, dimensions, toRowMajor: false));

    /// <inheritdoc />
    public override MatClass Class => matClass;

    /// <summary>Real parts in column-major (MATLAB) order.</summary>
    public double[] Real { get; }

    /// <summary>Imaginary parts in column-major order, or null for a real array.</summary>
    public double[]? Imaginary { get; }

    /// <summary>True for a MATLAB logical array.</summary>
    public bool IsLogical { get; }

    /// <summary>The real parts in row-major (C, NumPy) order, the layout <c>scipy.io.loadmat</c> returns.</summary>
    public double[] ToRowMajor() => Reorder(Real, [.. Dimensions], toRowMajor: true);

    /// <summary>The single value of a 1x1 array.</summary>
    /// <exception cref="InvalidOperationException">The array does not hold exactly one element.</exception>
    public double Scalar => Real.Length == 1 ? Real[0] : throw new InvalidOperationException($"Array of size [{string.Join("x", Dimensions)}] is not a scalar.");

    private static double[] Reorder(double[] source, int[] dimensions, bool toRowMajor)
    {
        int rank = dimensions.Length;
        if (rank <= 1 || dimensions.Count(d => d > 1) <= 1) return (double[])source.Clone();
        var result = new double[source.Length];
        var columnStrides = new int[rank];
        int stride = 1;
        for (int d = 0; d < rank; d++)
        {
            columnStrides[d] = stride;
            stride *= dimensions[d];
        }
        var index = new int[rank];
        for (int r = 0; r < source.Length; r++)
        {
            int c = 0;
            for (int d = 0; d < rank; d++) c += index[d] * columnStrides[d];
            if (toRowMajor) result[r] = source[c];
            else result[c] = source[r];
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < dimensions[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }
}
