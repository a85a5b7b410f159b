namespace MlNetEmotion.Data;

/// <summary>The rows of a source view whose 0-based positions (in the source's natural order) are in a set.
/// Works over any view, lazy or not: a cursor walks the source and skips the other rows.</summary>
public sealed class RowSubsetDataView : IDataView
{
    private readonly IDataView _source;
    private readonly int[] _rows;

    /// <summary>Creates the view over the rows <paramref name="rows"/> of <paramref name="source"/>.</summary>
    /// <param name="source">The view.</param>
    /// <param name="rows">0-based row positions to keep.</param>
    public RowSubsetDataView(IDataView source, IEnumerable<int> rows)
    {
        _source = source;
        _rows = rows.Distinct().Order().ToArray();
        if (_rows.Length > 0 && _rows[0] < 0) throw new ArgumentOutOfRangeException(nameof(rows), _rows[0], "Row indices must be non-negative.");
    }

    /// <summary>The source rows kept, ascending.</summary>
    public IReadOnlyList<int> SourceRows => _rows;

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema => _source.Schema;

    /// <inheritdoc />
    public long? GetRowCount() => _rows.Length;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(_source.GetRowCursor(columnsNeeded), _rows);

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(DataViewRowCursor input, int[] rows) : DataViewRowCursor
    {
        private long _position = -1;
        private long _sourcePosition = -1;

        public override DataViewSchema Schema => input.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => input.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => input.GetGetter<TValue>(column);

        public override bool MoveNext()
        {
            if (_position + 1 >= rows.Length) return false;
            long target = rows[_position + 1];
            while (_sourcePosition < target)
            {
                if (!input.MoveNext())
                    throw new ArgumentOutOfRangeException(nameof(rows), target, $"Row {target} is past the end of the source view ({_sourcePosition + 1} rows).");
                _sourcePosition++;
            }
            _position++;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
            base.Dispose(disposing);
        }
    }
}
