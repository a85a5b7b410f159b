namespace MlNetEmotion.Data;

/// <summary>A materialised table: one array of values per column, in ML.NET's raw types (vectors as
/// <see cref="VBuffer{T}"/>, text as <see cref="ReadOnlyMemory{T}"/>). Supports shuffling and random access by row;
/// getters hand out copies of vectors, so a caller may keep or change what it receives.</summary>
public sealed class InMemoryDataView : IDataView
{
    private readonly Array[] _values;
    private readonly int _rowCount;

    /// <summary>Creates a view over <paramref name="values"/>: for each column of <paramref name="schema"/>, an array
    /// of its raw type with one entry per row.</summary>
    /// <param name="schema">The columns.</param>
    /// <param name="values">One array per column.</param>
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

    /// <summary>A view of the rows at <paramref name="rows"/>, in that order, sharing the stored values.</summary>
    /// <param name="rows">0-based row indices.</param>
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
        rand?.Shuffle(order);
        var active = new bool[Schema.Count];
        foreach (var c in columnsNeeded) active[c.Index] = true;
        return new Cursor(this, order, active);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(InMemoryDataView view, int[] order, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)order[_position], 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext() => ++_position < order.Length;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active[column.Index])
                throw SchemaMismatchException.Inactive(column.Name);
            if (view._values[column.Index] is not TValue[] values)
                throw new SchemaMismatchException(column.Name, typeof(TValue).Name, column.Type.RawType.Name);
            return StoredValues.Getter(values, () => order[_position]);
        }
    }
}

/// <summary>Getters over stored values that copy vectors out, so callers cannot change what is stored.</summary>
internal static class StoredValues
{
    public static ValueGetter<TValue> Getter<TValue>(TValue[] values, Func<int> index)
    {
        if (typeof(TValue).IsGenericType && typeof(TValue).GetGenericTypeDefinition() == typeof(VBuffer<>))
            return (ValueGetter<TValue>)typeof(StoredValues).GetMethod(nameof(VectorGetter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(typeof(TValue).GetGenericArguments()[0]).Invoke(null, [values, index])!;
        return (ref TValue value) => value = values[index()];
    }

    /// <summary>A copy of a value that owns its storage (vectors are deep-copied; other values are immutable or shared).</summary>
    public static object? Own(object? value, DataViewType type) => type is VectorDataViewType && value is not null
        ? typeof(StoredValues).GetMethod(nameof(CloneVector), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(((VectorDataViewType)type).ItemType.RawType).Invoke(null, [value])
        : value;

    private static object CloneVector<T>(object value) => VectorValues.Clone((VBuffer<T>)value);

    private static ValueGetter<VBuffer<T>> VectorGetter<T>(VBuffer<T>[] values, Func<int> index) =>
        (ref VBuffer<T> value) => values[index()].CopyTo(ref value);
}
