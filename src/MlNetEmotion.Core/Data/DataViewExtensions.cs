using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary>Reading whole columns and materialising views.</summary>
public static class DataViewExtensions
{
    /// <summary>All values of column <paramref name="columnName"/>, in row order.</summary>
    /// <exception cref="SchemaMismatchException">Missing column, or its raw type is not <typeparamref name="T"/>.</exception>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, string columnName)
    {
        var column = data.Schema[columnName];
        if (column.Type.RawType != typeof(T))
            throw new SchemaMismatchException(columnName, typeof(T).Name, column.Type.ToString()!);
        return Enumerate(data, column);

        static IEnumerable<T> Enumerate(IDataView data, DataViewSchema.Column column)
        {
            using var cursor = data.GetRowCursor([column]);
            var getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (cursor.MoveNext())
            {
                getter(ref value);
                yield return value;
            }
        }
    }

    /// <summary>Computes every visible column (or the named ones) once and keeps the values in memory.</summary>
    public static InMemoryDataView ToInMemory(this IDataView data, IEnumerable<string>? columnNames = null)
    {
        if (data is InMemoryDataView m && columnNames is null) return m;
        var columns = (columnNames is null
            ? data.Schema.Where(c => !c.IsHidden)
            : columnNames.Select(n => data.Schema[n])).ToArray();
        var lists = columns.Select(c => (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(c.Type.RawType))!).ToArray();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = columns.Select(c => GetBoxedGetter(cursor, c)).ToArray();
            while (cursor.MoveNext())
                for (int i = 0; i < columns.Length; i++) lists[i].Add(readers[i]());
        }
        var arrays = lists.Select((l, i) =>
        {
            var array = Array.CreateInstance(columns[i].Type.RawType, l.Count);
            l.CopyTo(array, 0);
            return array;
        }).ToArray();
        var schema = new DataViewSchema.Builder()
            .AddColumns(columns.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type, c.Annotations))).ToSchema();
        return new InMemoryDataView(schema, arrays);
    }

    /// <summary>A boxed reader of the current value of <paramref name="column"/>, for code that handles any column type.</summary>
    public static Func<object?> GetBoxedGetter(this DataViewRow row, DataViewSchema.Column column)
    {
        var method = typeof(DataViewExtensions).GetMethod(nameof(MakeTypedReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType);
        return (Func<object?>)method.Invoke(null, [row, column])!;
    }

    private static Func<object?> MakeTypedReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return value;
        };
    }
}
