namespace MlNetEmotion.Data;

/// <summary>A lazy view: the rows of a source view with the columns of a <see cref="RowMapper"/> appended.
/// Output columns are computed only when requested.</summary>
public sealed class RowMappedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly RowMapper _mapper;

    /// <summary>Creates the view.</summary>
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
        int inputCount = _source.Schema.Count;
        var needed = columnsNeeded.ToArray();
        var activeOutputs = needed.Where(c => c.Index >= inputCount).Select(c => c.Index - inputCount).ToHashSet();
        var inputNeeded = needed.Where(c => c.Index < inputCount).Select(c => _source.Schema[c.Index]);
        if (activeOutputs.Count > 0) inputNeeded = inputNeeded.Concat(_mapper.InputColumns);
        var inputCursor = _source.GetRowCursor(inputNeeded.DistinctBy(c => c.Index).ToArray(), rand);
        return new Cursor(this, inputCursor, activeOutputs);
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly RowMappedDataView _view;
        private readonly DataViewRowCursor _input;
        private readonly HashSet<int> _activeOutputs;
        private readonly Delegate?[] _getters;

        public Cursor(RowMappedDataView view, DataViewRowCursor input, HashSet<int> activeOutputs)
        {
            _view = view;
            _input = input;
            _activeOutputs = activeOutputs;
            _getters = new Delegate?[view._mapper.OutputColumns.Count];
            foreach (int i in activeOutputs) _getters[i] = view._mapper.CreateGetter(input, i);
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _input.Position;

        public override bool MoveNext() => _input.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            int inputCount = _view._source.Schema.Count;
            return column.Index < inputCount
                ? _input.IsColumnActive(_view._source.Schema[column.Index])
                : _activeOutputs.Contains(column.Index - inputCount);
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetter<TValue>(column);
            int inputCount = _view._source.Schema.Count;
            if (column.Index < inputCount) return _input.GetGetter<TValue>(_view._source.Schema[column.Index]);
            return (ValueGetter<TValue>)_getters[column.Index - inputCount]!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _view._mapper.DisposeRowState(_input);
                _input.Dispose();
            }
        }
    }
}
