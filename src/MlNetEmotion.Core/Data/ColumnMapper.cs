namespace MlNetEmotion.Data;

/// <summary>Maps one input column to one output column with a function of (value, row), computing each row's value
/// once: the mapper behind most single-column transforms. A vector output (a <see cref="VectorDataViewType"/>) is
/// produced by the function as a dense array and handed out as ML.NET's <see cref="VBuffer{T}"/>; a vector input is
/// read as a dense array likewise, so the function sees plain arrays either way.</summary>
/// <typeparam name="TIn">The input value as the function sees it: the raw type, or <c>T[]</c> for a vector of <c>T</c>.</typeparam>
/// <typeparam name="TOut">The output value as the function returns it: the raw type, or <c>T[]</c> for a vector of <c>T</c>.</typeparam>
public sealed class ColumnMapper<TIn, TOut> : RowMapper
{
    private readonly DataViewSchema.Column _input;
    private readonly Func<TIn, long, TOut> _map;

    /// <summary>Creates the mapper; <paramref name="map"/> receives the input value and the row position;
    /// <paramref name="annotations"/> are attached to the output column.</summary>
    /// <param name="schema">Input schema.</param>
    /// <param name="input">The column read.</param>
    /// <param name="outputColumnName">The column produced.</param>
    /// <param name="outputType">Its type.</param>
    /// <param name="map">The function of (value, row position).</param>
    /// <param name="annotations">Annotations of the output column, or null.</param>
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
        var read = ValueReaders.Create<TIn>(input, _input);
        var cache = new PerRowCache<TOut>(input, () => _map(read(), input.Position));
        return ValueReaders.CreateGetter(OutputColumns[0].Type, cache.Get);
    }
}
