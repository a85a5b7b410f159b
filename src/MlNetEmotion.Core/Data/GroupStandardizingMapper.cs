namespace MlNetEmotion.Data;

/// <summary>Replaces Single columns by their values standardised with the statistics of the row's group
/// (<see cref="GroupMoments"/>), measured beforehand over the same view.</summary>
internal sealed class GroupStandardizingMapper : RowMapper
{
    private readonly DataViewSchema.Column _group;
    private readonly DataViewSchema.Column[] _columns;
    private readonly GroupMoments[] _moments;

    public GroupStandardizingMapper(IDataView data, string groupColumnName, IReadOnlyList<string> columnNames) : base(data.Schema)
    {
        _group = Transforms.ColumnChecks.Require(data.Schema, groupColumnName, "a text group column", t => t is TextDataViewType);
        _columns = [.. columnNames.Select(n => Transforms.ColumnChecks.RequireSingleOrAnySingleVector(data.Schema, n))];
        _moments = [.. _columns.Select(c => GroupMoments.Measure(data, _group, c))];
        OutputColumns = [.. _columns.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type, c.Annotations))];
    }

    public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    public override IEnumerable<DataViewSchema.Column> InputColumns => [_group, .. _columns];

    public override Delegate CreateGetter(DataViewRow input, int outputIndex)
    {
        var group = ValueReaders.Create<string>(input, _group);
        var column = _columns[outputIndex];
        var moments = _moments[outputIndex];
        var values = GroupMoments.Reader(input, column);
        return column.Type is VectorDataViewType
            ? ValueReaders.CreateGetter(column.Type, () => moments.Standardize(group(), values()))
            : ValueReaders.CreateGetter(column.Type, () => moments.Standardize(group(), values())[0]);
    }
}
