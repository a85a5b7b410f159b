namespace MlNetEmotion;

/// <summary>A lazy table: a schema and cursors over its rows. Nothing is computed until a cursor asks,
/// and a cursor computes only the columns it was asked for.</summary>
public interface IDataView
{
    /// <summary>True when <see cref="GetRowCursor"/> can visit rows in a random order.</summary>
    bool CanShuffle { get; }

    /// <summary>The columns.</summary>
    DataViewSchema Schema { get; }

    /// <summary>The number of rows, or null when it is not known without a pass over the data.</summary>
    long? GetRowCount();

    /// <summary>Opens a cursor on which only <paramref name="columnsNeeded"/> (and what they depend on) are active.</summary>
    /// <param name="columnsNeeded">Columns the caller will read.</param>
    /// <param name="rand">When given and <see cref="CanShuffle"/>, rows come in an order drawn from it.</param>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);
}

/// <summary>Reads one value of the current row into <paramref name="value"/>.</summary>
public delegate void ValueGetter<TValue>(ref TValue value);

/// <summary>One row of a data view: getters for its active columns.</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>The columns of the row.</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>Index of the current row in the cursor's order; -1 before the first row.</summary>
    public abstract long Position { get; }

    /// <summary>True when <paramref name="column"/> was requested and can be read.</summary>
    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>A getter of <paramref name="column"/>'s value for the current row.</summary>
    /// <exception cref="SchemaMismatchException">The column is inactive or not of raw type <typeparamref name="TValue"/>.</exception>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    /// <summary>Releases resources held by the row.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; override to free more.</summary>
    protected virtual void Dispose(bool disposing) { }

    /// <summary>Checks that <paramref name="column"/> is active and of raw type <typeparamref name="TValue"/>.</summary>
    protected void CheckGetter<TValue>(DataViewSchema.Column column)
    {
        if (column.Index < 0 || column.Index >= Schema.Count || Schema[column.Index].Name != column.Name)
            throw SchemaMismatchException.Missing(column.Name, "a column of this row", Schema);
        if (!IsColumnActive(column))
            throw new SchemaMismatchException(column.Name, "an active column", "an inactive column: request it when opening the cursor");
        if (column.Type.RawType != typeof(TValue))
            throw new SchemaMismatchException(column.Name, typeof(TValue).Name, column.Type.RawType.Name);
    }
}

/// <summary>A forward-only cursor over the rows of a <see cref="IDataView"/>.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Advances to the next row; false at the end.</summary>
    public abstract bool MoveNext();
}
