namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>A MATLAB cell array; items in column-major order.</summary>
public sealed class MatCellArray : MatValue
{
    /// <summary>Creates a cell array.</summary>
    /// <param name="dimensions">MATLAB dimensions.</param>
    /// <param name="items">The cells in column-major order.</param>
    public MatCellArray(int[] dimensions, MatValue[] items) : base(dimensions)
    {
        if (items.Length != Count)
            throw new ArgumentException($"Dimensions [{string.Join("x", dimensions)}] need {Count} cells; got {items.Length}.", nameof(items));
        Items = items;
    }

    /// <inheritdoc />
    public override MatClass Class => MatClass.Cell;

    /// <summary>The cells in column-major order.</summary>
    public IReadOnlyList<MatValue> Items { get; }
}
