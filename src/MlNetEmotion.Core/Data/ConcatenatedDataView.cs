namespace MlNetEmotion.Data;

/// <summary>The rows of several views with the same column names and types, one after another (e.g. the scored
/// hold-out sets of all folds, pooled for one evaluation). The schema is the first view's.</summary>
public sealed class ConcatenatedDataView : IDataView
{
    private readonly IDataView[] _parts;

    /// <summary>Creates the view.</summary>
    /// <param name="parts">Views in order; at least one.</param>
    /// <exception cref="SchemaMismatchException">A later view lacks a column of the first or types it differently.</exception>
    public ConcatenatedDataView(IEnumerable<IDataView> parts)
    {
        _parts = parts.ToArray();
        if (_parts.Length == 0) throw new ArgumentException("At least one view is needed.", nameof(parts));
        Schema = _parts[0].Schema;
        foreach (var part in _parts.Skip(1))
            foreach (var column in Schema.Where(c => !c.IsHidden))
            {
                var other = part.Schema.GetColumnOrNull(column.Name) ?? throw SchemaMismatchException.Missing(column.Name, column.Type.ToString(), part.Schema);
                if (!other.Type.Equals(column.Type)) throw new SchemaMismatchException(column.Name, column.Type.ToString(), other.Type.ToString());
            }
    }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    public long? GetRowCount()
    {
        long total = 0;
        foreach (var p in _parts)
        {
            if (p.GetRowCount() is not long n) return null;
            total += n;
        }
        return total;
    }

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Name).ToArray());

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(ConcatenatedDataView view, string[] names) : DataViewRowCursor
    {
        private readonly Dictionary<int, Delegate> _getters = [];
        private int _part = -1;
        private DataViewRowCursor? _current;
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => names.Contains(column.Name);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
                throw SchemaMismatchException.Inactive(column.Name);
            return (ref TValue value) =>
            {
                if (!_getters.TryGetValue(column.Index, out var getter))
                    _getters[column.Index] = getter = _current!.GetGetter<TValue>(_current.Schema[column.Name]);
                ((ValueGetter<TValue>)getter)(ref value);
            };
        }

        public override bool MoveNext()
        {
            while (_current is null || !_current.MoveNext())
            {
                _current?.Dispose();
                _getters.Clear();
                if (++_part >= view._parts.Length)
                {
                    _current = null;
                    return false;
                }
                var schema = view._parts[_part].Schema;
                _current = view._parts[_part].GetRowCursor(names.Select(n => schema[n]));
            }
            _position++;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _current?.Dispose();
            base.Dispose(disposing);
        }
    }
}
