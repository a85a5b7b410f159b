using System.Numerics.Tensors;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>A compressed-sparse-row matrix with double weights and a single-precision copy for fast products.</summary>
public sealed class CsrMatrix
{
    private readonly float[] _valuesSingle;
    private readonly bool[] _denseRows; // rows storing every column in order
    private readonly float[]? _denseColumns; // those rows, column-major, when they are the majority

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
        _denseRows = new bool[rows];
        for (int r = 0; r < rows; r++)
        {
            int start = rowPointers[r];
            bool dense = rowPointers[r + 1] - start == columns;
            for (int k = 0; dense && k < columns; k++) dense = columnIndices[start + k] == k;
            _denseRows[r] = dense;
        }
        if (2 * _denseRows.Count(d => d) >= rows && columns > 0)
        {
            _denseColumns = new float[rows * columns];
            for (int r = 0; r < rows; r++)
                if (_denseRows[r])
                    for (int j = 0; j < columns; j++) _denseColumns[j * rows + r] = _valuesSingle[rowPointers[r] + j];
        }
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

    /// <summary>y = A x in single precision. When most rows store every column (Clough–Tocher rows are dense: the
    /// vertex gradients depend on all electrodes), those rows are kept column-major and y is built from one SIMD
    /// multiply-add over all pixels per electrode; the other rows are sparse dot products.</summary>
    public void Multiply(ReadOnlySpan<float> x, Span<float> y)
    {
        CheckShapes(x.Length, y.Length);
        var rp = (int[])RowPointers;
        var ci = (int[])ColumnIndices;
        if (_denseColumns is not null)
        {
            y.Clear();
            for (int j = 0; j < Columns; j++)
                TensorPrimitives.MultiplyAdd(_denseColumns.AsSpan(j * Rows, Rows), x[j], y, y);
        }
        for (int r = 0; r < Rows; r++)
        {
            if (_denseColumns is not null && _denseRows[r]) continue;
            float s = 0;
            for (int k = rp[r]; k < rp[r + 1]; k++) s += _valuesSingle[k] * x[ci[k]];
            y[r] = s;
        }
    }

    /// <summary>Y = X Aᵀ for <paramref name="count"/> vectors at once: <paramref name="x"/> is [count, Columns] and
    /// <paramref name="y"/> [count, Rows], both row-major. Each vector goes through
    /// <see cref="Multiply(ReadOnlySpan{float}, Span{float})"/>, so results do not depend on the batch size.</summary>
    public void MultiplyBatch(ReadOnlySpan<float> x, Span<float> y, int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (x.Length < (long)count * Columns || y.Length < (long)count * Rows)
            throw new ArgumentException($"Batch of {count} needs {count * Columns} inputs and {count * Rows} outputs.");
        for (int m = 0; m < count; m++) Multiply(x.Slice(m * Columns, Columns), y.Slice(m * Rows, Rows));
    }

    private void CheckShapes(int xLength, int yLength)
    {
        if (xLength != Columns) throw new ArgumentException($"Expected {Columns} input values, got {xLength}.");
        if (yLength != Rows) throw new ArgumentException($"Expected room for {Rows} outputs, got {yLength}.");
    }
}
