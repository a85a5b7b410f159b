namespace MlNetEmotion.Data;

/// <summary>A lazy view: the rows of a source view with the columns of a <see cref="RowMapper"/> appended.
/// Output columns are computed only when requested.</summary>
public sealed class RowMappedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly RowMapper _mapper;

    /// <summary>Creates the view.</summary>
    /// <param name="source">The rows read.</param>
    /// <param name="mapper">The columns added.</param>
    public RowMappedDataView(IDataView source, RowMapper mapper)
    {
        _source = source;
        _mapper = mapper;
        Schema = mapper.GetOutputSchema();
    }

    /// <inheritdoc />
    public bool CanShuffle => _source.CanShuffle;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    public long? GetRowCount() => _source.GetRowCount();

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var (inputNeeded, activeOutputs) = MappedRow.Dependencies(_source.Schema, _mapper, columnsNeeded);
        return new Cursor(this, _source.GetRowCursor(inputNeeded, rand), activeOutputs);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(RowMappedDataView view, DataViewRowCursor input, HashSet<int> activeOutputs) : DataViewRowCursor
    {
        private readonly MappedRow _row = new(view.Schema, view._mapper, input, activeOutputs);

        public override DataViewSchema Schema => view.Schema;

        public override long Position => input.Position;

        public override long Batch => input.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool MoveNext() => input.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _row.Dispose();
                input.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>One input row with a mapper's columns appended: the row ML.NET's prediction engine reads through
/// <see cref="IRowToRowMapper.GetRow"/>, and the heart of <see cref="RowMappedDataView"/>'s cursor.</summary>
internal sealed class MappedRow : DataViewRow
{
    private readonly DataViewSchema _schema;
    private readonly RowMapper _mapper;
    private readonly DataViewRow _input;
    private readonly HashSet<int> _activeOutputs;
    private readonly Delegate?[] _getters;

    public MappedRow(DataViewSchema schema, RowMapper mapper, DataViewRow input, HashSet<int> activeOutputs)
    {
        _schema = schema;
        _mapper = mapper;
        _input = input;
        _activeOutputs = activeOutputs;
        _getters = new Delegate?[mapper.OutputColumns.Count];
        foreach (int i in activeOutputs) _getters[i] = mapper.CreateGetter(input, i);
    }

    /// <summary>The input columns to activate and the outputs computed for a request of <paramref name="columnsNeeded"/>.</summary>
    public static (DataViewSchema.Column[] Inputs, HashSet<int> Outputs) Dependencies(DataViewSchema inputSchema, RowMapper mapper,
        IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        int inputCount = inputSchema.Count;
        var needed = columnsNeeded.ToArray();
        var outputs = needed.Where(c => c.Index >= inputCount).Select(c => c.Index - inputCount).ToHashSet();
        var inputs = needed.Where(c => c.Index < inputCount).Select(c => inputSchema[c.Index]);
        if (outputs.Count > 0) inputs = inputs.Concat(mapper.InputColumns);
        return (inputs.DistinctBy(c => c.Index).ToArray(), outputs);
    }

    public override DataViewSchema Schema => _schema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        int inputCount = _mapper.InputSchema.Count;
        return column.Index < inputCount
            ? _input.IsColumnActive(_mapper.InputSchema[column.Index])
            : _activeOutputs.Contains(column.Index - inputCount);
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        int inputCount = _mapper.InputSchema.Count;
        if (column.Index < 0 || column.Index >= _schema.Count || _schema[column.Index].Name != column.Name)
            throw SchemaMismatchException.Missing(column.Name, "a column of this row", _schema);
        if (!IsColumnActive(column))
            throw SchemaMismatchException.Inactive(column.Name);
        if (column.Index < inputCount) return _input.GetGetter<TValue>(_mapper.InputSchema[column.Index]);
        return _getters[column.Index - inputCount] as ValueGetter<TValue>
            ?? throw new SchemaMismatchException(column.Name, typeof(TValue).Name, column.Type.RawType.Name);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _mapper.DisposeRowState(_input);
        base.Dispose(disposing);
    }
}

/// <summary>ML.NET's per-row view of a <see cref="RowMapper"/>: what <see cref="PredictionEngine{TSrc, TDst}"/> and
/// chained row mappers call (a transformer's <see cref="ITransformer.GetRowToRowMapper"/> returns one).</summary>
/// <param name="mapper">The mapper.</param>
public sealed class RowMapperAdapter(RowMapper mapper) : IRowToRowMapper
{
    /// <inheritdoc />
    public DataViewSchema InputSchema => mapper.InputSchema;

    /// <inheritdoc />
    public DataViewSchema OutputSchema { get; } = mapper.GetOutputSchema();

    /// <inheritdoc />
    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var needed = dependingColumns.Select(c => OutputSchema[c.Index]);
        return MappedRow.Dependencies(InputSchema, mapper, needed).Inputs;
    }

    /// <inheritdoc />
    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var (_, outputs) = MappedRow.Dependencies(InputSchema, mapper, activeColumns.Select(c => OutputSchema[c.Index]));
        return new MappedRow(OutputSchema, mapper, input, outputs);
    }
}
