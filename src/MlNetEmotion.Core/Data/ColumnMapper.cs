namespace MlNetEmotion.Data;

/// <summary>Maps one input column to one output column with a function of (value, row), computing each row's value
/// once: the mapper behind most single-column transforms.</summary>
/// <typeparam name="TIn">Raw type of the input column.</typeparam>
/// <typeparam name="TOut">Raw type of the output column.</typeparam>
public sealed class ColumnMapper<TIn, TOut> : RowMapper
{
    private readonly DataViewSchema.Column _input;
    private readonly Func<TIn, long, TOut> _map;

    /// <summary>Creates the mapper; <paramref name="map"/> receives the input value and the row position;
    /// <paramref name="annotations"/> are attached to the output column.</summary>
    public ColumnMapper(DataViewSchema schema, DataViewSchema.Column input, string outputColumnName, DataViewType outputType, Func<TIn, long, TOut> map,
        DataViewSchema.Annotations? annotations = null)
        : base(schema)
    {
        _input = input;
        _map = map;
        OutputColumns = [new DataViewSchema.DetachedColumn(outputColumnName, outputType, annotations)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    /// <inheritdoc />
    public override IEnumerable<DataViewSchema.Column> InputColumns => [_input];

    /// <inheritdoc />
    public override Delegate CreateGetter(DataViewRow input, int outputIndex)
    {
        var read = input.GetGetter<TIn>(_input);
        var cache = new PerRowCache<TOut>(input, () =>
        {
            TIn value = default!;
            read(ref value);
            return _map(value, input.Position);
        });
        return (ValueGetter<TOut>)((ref TOut value) => value = cache.Get());
    }
}
