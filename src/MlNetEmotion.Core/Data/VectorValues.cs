namespace MlNetEmotion.Data;

/// <summary>Reading and writing ML.NET's <see cref="VBuffer{T}"/> vector values as dense spans, without per-row
/// allocation where the destination buffer is reused.</summary>
public static class VectorValues
{
    /// <summary>Writes <paramref name="values"/> into <paramref name="destination"/> as a dense vector, reusing its arrays
    /// when they are large enough.</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="destination">The buffer a getter hands back.</param>
    /// <param name="values">The dense values.</param>
    public static void Assign<T>(ref VBuffer<T> destination, ReadOnlySpan<T> values)
    {
        var editor = VBufferEditor.Create(ref destination, values.Length);
        values.CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> densely (implicit entries of a
    /// sparse vector become <c>default</c>).</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="source">The vector.</param>
    /// <param name="destination">A span of exactly <c>source.Length</c> items.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void CopyToDense<T>(in VBuffer<T> source, Span<T> destination)
    {
        if (destination.Length != source.Length)
            throw new ArgumentException($"Destination holds {destination.Length} items for a vector of {source.Length}.", nameof(destination));
        var values = source.GetValues();
        if (source.IsDense)
        {
            values.CopyTo(destination);
            return;
        }
        destination.Clear();
        var indices = source.GetIndices();
        for (int i = 0; i < indices.Length; i++) destination[indices[i]] = values[i];
    }

    /// <summary>A new dense array with the items of <paramref name="source"/>.</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="source">The vector.</param>
    public static T[] ToDenseArray<T>(in VBuffer<T> source)
    {
        var array = new T[source.Length];
        CopyToDense(source, array);
        return array;
    }

    /// <summary>A deep copy that owns its arrays (getters reuse their buffers; a value kept past the next row must be copied).</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="source">The vector.</param>
    public static VBuffer<T> Clone<T>(in VBuffer<T> source)
    {
        var copy = default(VBuffer<T>);
        source.CopyTo(ref copy);
        return copy;
    }

    /// <summary>A reader of the current row's value of <paramref name="column"/> as a dense float array (reused between
    /// rows): a <c>Single</c> column gives one item, a <c>Single</c> vector its items.</summary>
    /// <param name="row">The row or cursor.</param>
    /// <param name="column">A <c>Single</c> or <c>Single</c>-vector column.</param>
    /// <exception cref="SchemaMismatchException">The column is neither.</exception>
    public static Func<float[]> DenseSingleReader(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType { ItemType: NumberDataViewType } v && v.ItemType == NumberDataViewType.Single)
        {
            var getter = row.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            float[] dense = [];
            return () =>
            {
                getter(ref buffer);
                if (dense.Length != buffer.Length) dense = new float[buffer.Length];
                CopyToDense(buffer, dense);
                return dense;
            };
        }
        if (column.Type == NumberDataViewType.Single)
        {
            var scalar = row.GetGetter<float>(column);
            var one = new float[1];
            return () =>
            {
                scalar(ref one[0]);
                return one;
            };
        }
        throw new SchemaMismatchException(column.Name, "Single or a vector of Single", column.Type.ToString());
    }
}
