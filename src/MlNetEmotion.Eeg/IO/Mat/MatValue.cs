namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>A MATLAB value of a MAT-file: numeric, char, cell or struct array.</summary>
public abstract class MatValue
{
    /// <summary>Creates a value with its MATLAB dimensions.</summary>
    /// <param name="dimensions">MATLAB dimensions (at least two).</param>
    protected MatValue(int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Dimensions = dimensions.Length >= 2 ? dimensions : [.. dimensions, .. Enumerable.Repeat(1, 2 - dimensions.Length)];
    }

    /// <summary>MATLAB dimensions, e.g. [40, 40, 8064] for DEAP's <c>data</c>.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Number of elements (product of the dimensions).</summary>
    public int Count => Dimensions.Aggregate(1, (a, b) => a * b);

    /// <summary>The MATLAB class.</summary>
    public abstract MatClass Class { get; }
}
