namespace MlNetEmotion.Data;

/// <summary>Reads rows of a view into CLR objects (the engine of <c>CreateEnumerable</c>).</summary>
internal static class RowObjectReader
{
    public static IEnumerable<TRow> Read<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns) where TRow : class, new()
    {
        var map = TypeColumnMap.For(typeof(TRow));
        var bound = new List<(TypeColumnMap.Member Member, DataViewSchema.Column Column)>();
        foreach (var m in map.Members.Where(m => m.CanWrite))
        {
            var column = data.Schema.GetColumnOrNull(m.ColumnName);
            if (column is null)
            {
                if (ignoreMissingColumns) continue;
                throw SchemaMismatchException.Missing(m.ColumnName, $"a column for {typeof(TRow).Name}.{m.Info.Name}", data.Schema);
            }
            if (column.Value.Type.RawType != m.ValueType)
                throw new SchemaMismatchException(m.ColumnName, $"{m.ValueType.Name} (for {typeof(TRow).Name}.{m.Info.Name})", column.Value.Type.ToString()!);
            bound.Add((m, column.Value));
        }
        return Enumerate<TRow>(data, bound, reuseRowObject);
    }

    private static IEnumerable<TRow> Enumerate<TRow>(IDataView data, List<(TypeColumnMap.Member Member, DataViewSchema.Column Column)> bound, bool reuse)
        where TRow : class, new()
    {
        using var cursor = data.GetRowCursor(bound.Select(b => b.Column).ToArray());
        var readers = bound.Select(b => DataViewExtensions.GetBoxedGetter(cursor, b.Column)).ToArray();
        TRow? shared = reuse ? new TRow() : null;
        while (cursor.MoveNext())
        {
            var row = shared ?? new TRow();
            for (int i = 0; i < bound.Count; i++) bound[i].Member.Set(row, readers[i]());
            yield return row;
        }
    }
}
