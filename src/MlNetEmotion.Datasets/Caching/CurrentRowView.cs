using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>A one-row view of whatever row a cursor is on now: each cursor opened on it yields that row once, reading
/// through the live row's getters. Lets a cache miss run the wrapped step on exactly the row being read, whatever order
/// (shuffled, filtered) the rows come in.</summary>
internal sealed class CurrentRowView(DataViewRow row) : IDataView
{
    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema => row.Schema;

    /// <inheritdoc />
    public long? GetRowCount() => 1;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(row);

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(DataViewRow row) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => row.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)Position, 0);

        public override bool MoveNext() => ++_position == 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!row.IsColumnActive(column))
                throw SchemaMismatchException.Inactive(column.Name);
            if (column.Type.RawType != typeof(TValue))
                throw new SchemaMismatchException(column.Name, typeof(TValue).Name, column.Type.ToString());
            var getter = row.GetGetter<TValue>(column);
            return (ref TValue value) =>
            {
                if (_position != 0) throw new InvalidOperationException("The cursor is not on its row.");
                getter(ref value);
            };
        }
    }
}
