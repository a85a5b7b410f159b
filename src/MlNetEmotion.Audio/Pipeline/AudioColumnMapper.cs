using MlNetEmotion.Data;

namespace MlNetEmotion.Audio.Pipeline;

/// <summary>Maps one input column to one output column, computing each row's value once.</summary>
internal sealed class AudioColumnMapper<TIn, TOut> : RowMapper
{
    private readonly DataViewSchema.Column _input;
    private readonly Func<TIn, long, TOut> _map;

    public AudioColumnMapper(DataViewSchema schema, DataViewSchema.Column input, string outputColumnName, DataViewType outputType, Func<TIn, long, TOut> map)
        : base(schema)
    {
        _input = input;
        _map = map;
        OutputColumns = [new DataViewSchema.DetachedColumn(outputColumnName, outputType)];
    }

    public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    public override IEnumerable<DataViewSchema.Column> InputColumns => [_input];

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
