using MlNetEmotion.Data;

namespace MlNetEmotion.Cli.Demo;

/// <summary>Gives variable-size vector columns whose rows all have one length that length as a known size. The EEG
/// feature vector's size depends on the recording (channels × bands), so its schema says "variable"; ML.NET's
/// <c>Concatenate</c> + <c>NormalizeMeanVariance</c> and its trainers need a known size, which the cached rows settle.</summary>
internal static class KnownSizeVectors
{
    /// <summary>The rows of <paramref name="data"/> (read once into memory) with every variable-size vector column of
    /// constant, non-zero length re-typed as a vector of that length; other columns unchanged.</summary>
    public static IDataView Settle(IDataView data)
    {
        var table = data.ToInMemory();
        var columns = table.Schema.ToArray();
        var values = columns.Select(c => Array.CreateInstance(c.Type.RawType, table.RowCount)).ToArray();
        using (var cursor = table.GetRowCursor(columns))
        {
            var readers = columns.Select(c => cursor.GetBoxedGetter(c)).ToArray();
            for (int row = 0; cursor.MoveNext(); row++)
                for (int i = 0; i < columns.Length; i++) values[i].SetValue(readers[i](), row);
        }
        var builder = new DataViewSchema.Builder();
        for (int i = 0; i < columns.Length; i++)
            builder.AddColumn(columns[i].Name, Settled(columns[i].Type, values[i]), columns[i].Annotations);
        return new InMemoryDataView(builder.ToSchema(), values);
    }

    private static DataViewType Settled(DataViewType type, Array values)
    {
        if (type is not VectorDataViewType { IsKnownSize: false } vector || values.Length == 0) return type;
        var lengths = (int[])typeof(KnownSizeVectors).GetMethod(nameof(Lengths), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [values])!;
        return lengths is [> 0 and var n] ? new VectorDataViewType(vector.ItemType, n) : type;
    }

    private static int[] Lengths<T>(Array values) => ((VBuffer<T>[])values).Select(v => v.Length).Distinct().ToArray();
}
