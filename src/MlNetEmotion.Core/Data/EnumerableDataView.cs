namespace MlNetEmotion.Data;

/// <summary>A lazy view over an <see cref="IEnumerable{T}"/> of CLR objects: each cursor enumerates the source again.</summary>
/// <typeparam name="T">Row class; its public properties and fields become columns.</typeparam>
public sealed class EnumerableDataView<T> : IDataView where T : class
{
    private readonly IEnumerable<T> _source;
    private readonly TypeColumnMap _map;

    /// <summary>Creates the view.</summary>
    public EnumerableDataView(IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _map = TypeColumnMap.For(typeof(T));
        var builder = new DataViewSchema.Builder();
        foreach (var m in _map.Members) builder.AddColumn(m.ColumnName, m.ColumnType);
        Schema = builder.ToSchema();
    }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    public long? GetRowCount() => _source is IReadOnlyCollection<T> c ? c.Count : null;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = new bool[Schema.Count];
        foreach (var c in columnsNeeded) active[c.Index] = true;
        return new Cursor(this, _source.GetEnumerator(), active);
    }

    private sealed class Cursor(EnumerableDataView<T> view, IEnumerator<T> rows, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            if (!rows.MoveNext()) return false;
            if (rows.Current is null) throw new DataValidationException($"Row {_position + 1} of the enumerable is null.", row: _position + 1);
            _position++;
            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetter<TValue>(column);
            var member = view._map.Members[column.Index];
            return (ref TValue value) => value = (TValue)member.Get(rows.Current)!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rows.Dispose();
        }
    }
}
