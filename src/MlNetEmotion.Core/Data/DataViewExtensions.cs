using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary>Materialising views in parallel and reading values of any column type.</summary>
public static class DataViewExtensions
{
    /// <summary>Computes every visible column (or the named ones) once and keeps the values in memory.</summary>
    public static InMemoryDataView ToInMemory(this IDataView data, IEnumerable<string>? columnNames = null) =>
        data is InMemoryDataView m && columnNames is null ? m : data.ToInMemory(columnNames, maxDegreeOfParallelism: 1);

    /// <summary>
    /// Computes the visible (or named) columns once, keeping the values in memory, with rows split into contiguous
    /// blocks that separate cursors compute in parallel (each cursor sees the rows' true positions, so results are the
    /// same for any degree of parallelism). Views of unknown length are read by one cursor. A vector column with one
    /// unknown dimension whose rows all have the same length comes back with that dimension known.
    /// </summary>
    /// <param name="data">The view.</param>
    /// <param name="columnNames">Columns to keep; null for every visible column.</param>
    /// <param name="maxDegreeOfParallelism">Cursors at once; -1 for one per core.</param>
    /// <param name="progress">Called with (rows done, total rows) as rows complete (total −1 when unknown); may be called from any thread.</param>
    public static InMemoryDataView ToInMemory(this IDataView data, IEnumerable<string>? columnNames, int maxDegreeOfParallelism,
        Action<long, long>? progress = null)
    {
        var columns = (columnNames is null
            ? data.Schema.Where(c => !c.IsHidden)
            : columnNames.Select(n => data.Schema[n])).ToArray();
        long? count = data.GetRowCount();
        int workers = maxDegreeOfParallelism < 0 ? Environment.ProcessorCount : Math.Max(1, maxDegreeOfParallelism);
        Array[] arrays;
        if (count is long n && workers > 1 && n > 1)
        {
            arrays = columns.Select(c => Array.CreateInstance(c.Type.RawType, n)).ToArray();
            int blocks = (int)Math.Min(n, workers * 4L);
            long done = 0;
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = workers }, b =>
            {
                long start = n * b / blocks, end = n * (b + 1) / blocks;
                using var cursor = data.GetRowCursor(columns);
                for (long i = 0; i < start; i++) cursor.MoveNext();          // getters are lazy: skipping computes nothing
                var readers = columns.Select(c => GetBoxedGetter(cursor, c)).ToArray();
                for (long row = start; row < end && cursor.MoveNext(); row++)
                {
                    for (int i = 0; i < columns.Length; i++) arrays[i].SetValue(StoredValues.Own(readers[i](), columns[i].Type), row);
                    progress?.Invoke(Interlocked.Increment(ref done), n);
                }
            });
        }
        else
        {
            var lists = columns.Select(c => (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(c.Type.RawType))!).ToArray();
            using (var cursor = data.GetRowCursor(columns))
            {
                var readers = columns.Select(c => GetBoxedGetter(cursor, c)).ToArray();
                while (cursor.MoveNext())
                {
                    for (int i = 0; i < columns.Length; i++) lists[i].Add(StoredValues.Own(readers[i](), columns[i].Type));
                    progress?.Invoke(lists.Length == 0 ? cursor.Position + 1 : lists[0].Count, count ?? -1);
                }
            }
            arrays = lists.Select((l, i) =>
            {
                var array = Array.CreateInstance(columns[i].Type.RawType, l.Count);
                l.CopyTo(array, 0);
                return array;
            }).ToArray();
        }
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(columns.Select((c, i) => new DataViewSchema.DetachedColumn(c.Name, SettledType(c.Type, arrays[i]), c.Annotations)));
        var schema = builder.ToSchema();
        return new InMemoryDataView(schema, arrays);
    }

    /// <summary>The type of a materialised column: a vector type with one unknown dimension (a 0, e.g. frames that vary by
    /// recording) becomes known-size when every row has the same length, since ML.NET's trainers need a known size.</summary>
    private static DataViewType SettledType(DataViewType type, Array values)
    {
        if (type is not VectorDataViewType { IsKnownSize: false } vector || values.Length == 0) return type;
        var dims = vector.Dimensions.ToArray();
        if (dims.Count(d => d == 0) != 1) return type;
        int known = dims.Where(d => d != 0).Aggregate(1, (a, b) => a * b);
        var lengths = (int[])typeof(DataViewExtensions).GetMethod(nameof(VectorLengths), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [values])!;
        int l = lengths[0];
        if (l == 0 || l % known != 0 || lengths.Any(n => n != l)) return type;
        dims[Array.IndexOf(dims, 0)] = l / known;
        return new VectorDataViewType(vector.ItemType, dims);
    }

    private static int[] VectorLengths<T>(Array values) => [.. ((VBuffer<T>[])values).Select(v => v.Length)];

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
