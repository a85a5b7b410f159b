namespace MlNetEmotion.Data;

/// <summary>Computes new columns of a row from columns of the same row: the engine of every row-to-row transformer.</summary>
public abstract class RowMapper
{
    /// <summary>Creates a mapper for rows of <paramref name="inputSchema"/>.</summary>
    protected RowMapper(DataViewSchema inputSchema) => InputSchema = inputSchema;

    /// <summary>The schema of the rows this mapper reads.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The columns this mapper adds, in order.</summary>
    public abstract IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    /// <summary>Input columns that must be active to compute any output.</summary>
    public abstract IEnumerable<DataViewSchema.Column> InputColumns { get; }

    /// <summary>Creates a getter (a <see cref="ValueGetter{TValue}"/> of the output's raw type) for output
    /// <paramref name="outputIndex"/> reading from <paramref name="input"/>.</summary>
    public abstract Delegate CreateGetter(DataViewRow input, int outputIndex);

    /// <summary>Whether the mapper holds per-row state that a cursor must dispose.</summary>
    public virtual void DisposeRowState(DataViewRow input) { }

    /// <summary>The output schema: the input columns followed by <see cref="OutputColumns"/>.</summary>
    public DataViewSchema GetOutputSchema() =>
        new DataViewSchema.Builder().AddColumns(InputSchema).AddColumns(OutputColumns).ToSchema();
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
