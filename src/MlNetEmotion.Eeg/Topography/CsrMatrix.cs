using System.Runtime.Intrinsics;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>A compressed-sparse-row matrix with double weights and a single-precision copy for fast products.</summary>
public sealed class CsrMatrix
{
    private readonly float[] _valuesSingle;

    /// <summary>Creates the matrix from its CSR arrays (taken as they are).</summary>
    /// <param name="rows">Row count.</param>
    /// <param name="columns">Column count.</param>
    /// <param name="rowPointers">rows + 1 offsets into <paramref name="columnIndices"/>.</param>
    /// <param name="columnIndices">Column of each stored entry.</param>
    /// <param name="values">Value of each stored entry.</param>
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rows + 1 || columnIndices.Length != values.Length || rowPointers[rows] != values.Length)
            throw new ArgumentException("Inconsistent CSR arrays.");
        foreach (int c in columnIndices)
            if ((uint)c >= (uint)columns) throw new ArgumentException($"Column index {c} outside 0..{columns - 1}.");
        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
        _valuesSingle = Array.ConvertAll(values, v => (float)v);
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row offsets (length <see cref="Rows"/> + 1).</summary>
    public IReadOnlyList<int> RowPointers { get; }

    /// <summary>Column index of each stored entry.</summary>
    public IReadOnlyList<int> ColumnIndices { get; }

    /// <summary>Stored entries.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => Values.Count;

    /// <summary>y = A x in double precision.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShapes(x.Length, y.Length);
        var rp = (int[])RowPointers;
        var ci = (int[])ColumnIndices;
        var v = (double[])Values;
        for (int r = 0; r < Rows; r++)
        {
            double s = 0;
            for (int k = rp[r]; k < rp[r + 1]; k++) s += v[k] * x[ci[k]];
            y[r] = s;
        }
    }

    /// <summary>y = A x in single precision.</summary>
    public void Multiply(ReadOnlySpan<float> x, Span<float> y)
    {
        CheckShapes(x.Length, y.Length);
        var rp = (int[])RowPointers;
        var ci = (int[])ColumnIndices;
        for (int r = 0; r < Rows; r++)
        {
            float s = 0;
            for (int k = rp[r]; k < rp[r + 1]; k++) s += _valuesSingle[k] * x[ci[k]];
            y[r] = s;
        }
    }

    /// <summary>Y = X Aᵀ for <paramref name="count"/> vectors at once: <paramref name="x"/> is [count, Columns] and
    /// <paramref name="y"/> [count, Rows], both row-major. Eight vectors are processed together with 256-bit SIMD
    /// lanes (one lane per vector), so results do not depend on the batch size or thread count.</summary>
    public void MultiplyBatch(ReadOnlySpan<float> x, Span<float> y, int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (x.Length < (long)count * Columns || y.Length < (long)count * Rows)
            throw new ArgumentException($"Batch of {count} needs {count * Columns} inputs and {count * Rows} outputs.");
        const int lanes = 8;
        Span<float> packed = Columns * lanes <= 4096 ? stackalloc float[Columns * lanes] : new float[Columns * lanes];
        Span<float> lane = stackalloc float[lanes];
        var rp = (int[])RowPointers;
        var ci = (int[])ColumnIndices;
        int m = 0;
        for (; m + lanes <= count; m += lanes)
        {
            for (int b = 0; b < lanes; b++)
            {
                ReadOnlySpan<float> src = x.Slice((m + b) * Columns, Columns);
                for (int j = 0; j < Columns; j++) packed[j * lanes + b] = src[j];
            }
            for (int r = 0; r < Rows; r++)
            {
                Vector256<float> acc = Vector256<float>.Zero;
                for (int k = rp[r]; k < rp[r + 1]; k++)
                    acc += Vector256.Create(_valuesSingle[k]) * Vector256.Create<float>(packed.Slice(ci[k] * lanes, lanes));
                acc.CopyTo(lane);
                for (int b = 0; b < lanes; b++) y[(m + b) * Rows + r] = lane[b];
            }
        }
        for (; m < count; m++) Multiply(x.Slice(m * Columns, Columns), y.Slice(m * Rows, Rows));
    }

    private void CheckShapes(int xLength, int yLength)
    {
        if (xLength != Columns) throw new ArgumentException($"Expected {Columns} input values, got {xLength}.");
        if (yLength != Rows) throw new ArgumentException($"Expected room for {Rows} outputs, got {yLength}.");
    }
}
