namespace MlNetEmotion.Data;

/// <summary>A materialised table: one array of values per column. Supports shuffling and random access by row.</summary>
public sealed class InMemoryDataView : IDataView
{
    private readonly Array[] _values;
    private readonly int _rowCount;

    /// <summary>Creates a view over <paramref name="values"/>: for each column of <paramref name="schema"/>, an array
    /// of its raw type with one entry per row (vectors: an array of arrays).</summary>
    /// <exception cref="ArgumentException">Counts or element types disagree with the schema.</exception>
    public InMemoryDataView(DataViewSchema schema, IReadOnlyList<Array> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != schema.Count)
            throw new ArgumentException($"Got {values.Count} value arrays for {schema.Count} columns.", nameof(values));
        _rowCount = values.Count == 0 ? 0 : values[0].Length;
        for (int i = 0; i < values.Count; i++)
        {
            var column = schema[i];
            if (values[i].GetType().GetElementType() != column.Type.RawType)
                throw new ArgumentException($"Column '{column.Name}': values are {values[i].GetType().Name}, expected {column.Type.RawType.Name}[].", nameof(values));
            if (values[i].Length != _rowCount)
                throw new ArgumentException($"Column '{column.Name}' has {values[i].Length} rows, expected {_rowCount}.", nameof(values));
        }
        Schema = schema;
        _values = values.ToArray();
    }

    /// <inheritdoc />
    public bool CanShuffle => true;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _rowCount;

    /// <inheritdoc />
    public long? GetRowCount() => _rowCount;

    /// <summary>The values of column <paramref name="columnIndex"/> (shared, do not modify).</summary>
    public Array GetColumnValues(int columnIndex) => _values[columnIndex];

    /// <summary>A view of the rows at <paramref name="rows"/>, in that order, sharing the value objects.</summary>
    public InMemoryDataView SelectRows(IReadOnlyList<int> rows)
    {
        var selected = new Array[_values.Length];
        for (int c = 0; c < _values.Length; c++)
        {
            var source = _values[c];
            var target = Array.CreateInstance(source.GetType().GetElementType()!, rows.Count);
            for (int i = 0; i < rows.Count; i++) target.SetValue(source.GetValue(rows[i]), i);
            selected[c] = target;
        }
        return new InMemoryDataView(Schema, selected);
    }

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        int[] order = Enumerable.Range(0, _rowCount).ToArray();
        if (rand is not null) rand.Shuffle(order);
        var active = new bool[Schema.Count];
        foreach (var c in columnsNeeded) active[c.Index] = true;
        return new Cursor(this, order, active);
    }

    private sealed class Cursor(InMemoryDataView view, int[] order, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext() => ++_position < order.Length;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetter<TValue>(column);
            var values = (TValue[])view._values[column.Index];
            return (ref TValue value) => value = values[order[_position]];
        }
    }
}
