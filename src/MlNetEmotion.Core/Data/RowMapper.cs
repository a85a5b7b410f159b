namespace MlNetEmotion.Data;

/// <summary>Computes new columns of a row from columns of the same row: the engine of every row-to-row transformer
/// of this toolkit, serving both lazy views (<see cref="RowMappedDataView"/>) and ML.NET's per-row prediction
/// (<see cref="IRowToRowMapper"/>).</summary>
public abstract class RowMapper
{
    /// <summary>Creates a mapper for rows of <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The schema of the rows read.</param>
    protected RowMapper(DataViewSchema inputSchema) => InputSchema = inputSchema;

    /// <summary>The schema of the rows this mapper reads.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The columns this mapper adds, in order.</summary>
    public abstract IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    /// <summary>Input columns that must be active to compute any output.</summary>
    public abstract IEnumerable<DataViewSchema.Column> InputColumns { get; }

    /// <summary>Creates a getter (a <see cref="ValueGetter{TValue}"/> of the output's raw type) for output
    /// <paramref name="outputIndex"/> reading from <paramref name="input"/>.</summary>
    /// <param name="input">The input row or cursor.</param>
    /// <param name="outputIndex">Index into <see cref="OutputColumns"/>.</param>
    public abstract Delegate CreateGetter(DataViewRow input, int outputIndex);

    /// <summary>Releases per-row state a cursor over <paramref name="input"/> held (open files, pooled buffers).</summary>
    /// <param name="input">The input row or cursor being disposed.</param>
    public virtual void DisposeRowState(DataViewRow input) { }

    /// <summary>The output schema: the input columns followed by <see cref="OutputColumns"/> (which hide same-named inputs).</summary>
    public DataViewSchema GetOutputSchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(InputSchema);
        builder.AddColumns(OutputColumns);
        return builder.ToSchema();
    }
}

/// <summary>Computes a value once per row and hands it to every getter that asks during that row.</summary>
/// <typeparam name="T">Type of the computed value.</typeparam>
public sealed class PerRowCache<T>
{
    private readonly DataViewRow _row;
    private readonly Func<T> _compute;
    private long _position = -1;
    private T _value = default!;

    /// <summary>Creates a cache over the rows of <paramref name="row"/>.</summary>
    /// <param name="row">The row or cursor whose position keys the cache.</param>
    /// <param name="compute">Computes the current row's value.</param>
    public PerRowCache(DataViewRow row, Func<T> compute)
    {
        _row = row;
        _compute = compute;
    }

    /// <summary>The value for the current row, computed on first request.</summary>
    public T Get()
    {
        if (_position != _row.Position)
        {
            _value = _compute();
            _position = _row.Position;
        }
        return _value;
    }
}
