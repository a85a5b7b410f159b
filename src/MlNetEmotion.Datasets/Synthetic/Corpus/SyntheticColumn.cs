using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>A column of a streamed synthetic corpus whose value is generated from the row's planned trial.</summary>
internal abstract class SyntheticColumn(string name, DataViewType type)
{
    public DataViewSchema.DetachedColumn Column { get; } = new(name, type);

    public abstract Delegate CreateGetter(DataViewRow row, Func<SyntheticTrial> trial);
}

/// <summary>A typed <see cref="SyntheticColumn"/>; the value is generated once per row, only when asked for.</summary>
internal sealed class SyntheticColumn<T>(string name, DataViewType type, Func<SyntheticTrial, T> generate) : SyntheticColumn(name, type)
{
    public override Delegate CreateGetter(DataViewRow row, Func<SyntheticTrial> trial)
    {
        var cache = new PerRowCache<T>(row, () => generate(trial()));
        return (ValueGetter<T>)((ref T value) => value = cache.Get());
    }
}

/// <summary>Appends generated columns to the label view of a synthetic corpus, finding each row's trial by its
/// Subject and Trial columns (so filtering or shuffling rows upstream cannot mismatch them).</summary>
internal sealed class SyntheticModalityMapper : RowMapper
{
    private readonly DataViewSchema.Column _subject, _trial;
    private readonly Dictionary<(string, string), SyntheticTrial> _trials;
    private readonly SyntheticColumn[] _columns;

    public SyntheticModalityMapper(DataViewSchema schema, IEnumerable<SyntheticTrial> trials, SyntheticColumn[] columns) : base(schema)
    {
        _subject = schema["Subject"];
        _trial = schema["Trial"];
        _trials = trials.ToDictionary(t => (SyntheticCorpusView.Id(t.Subject), SyntheticCorpusView.Id(t.Trial)));
        _columns = columns;
        OutputColumns = columns.Select(c => c.Column).ToArray();
    }

    public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    public override IEnumerable<DataViewSchema.Column> InputColumns => [_subject, _trial];

    public override Delegate CreateGetter(DataViewRow input, int outputIndex)
    {
        var subject = ValueReaders.Create<string>(input, _subject);
        var trial = ValueReaders.Create<string>(input, _trial);
        return _columns[outputIndex].CreateGetter(input, () => _trials[(subject(), trial())]);
    }
}
