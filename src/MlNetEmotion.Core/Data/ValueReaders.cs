namespace MlNetEmotion.Data;

/// <summary>Bridges ML.NET's column representations and plain CLR values: vectors (<see cref="VBuffer{T}"/>) as dense
/// arrays and text (<see cref="ReadOnlyMemory{T}"/> of char) as <see cref="string"/>, in both directions.</summary>
public static class ValueReaders
{
    /// <summary>A reader of <paramref name="column"/>'s current value as <typeparamref name="T"/>: the raw value, a
    /// dense <c>T[]</c> for a vector column, or a <see cref="string"/> for a text column.</summary>
    /// <typeparam name="T">The value type wanted.</typeparam>
    /// <param name="row">The row or cursor.</param>
    /// <param name="column">The column.</param>
    /// <exception cref="SchemaMismatchException">The column's type cannot be read as <typeparamref name="T"/>.</exception>
    public static Func<T> Create<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var type = column.Type;
        if (type is VectorDataViewType vector && typeof(T).IsArray && typeof(T).GetElementType() == vector.ItemType.RawType)
            return (Func<T>)typeof(ValueReaders).GetMethod(nameof(DenseReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [row, column])!;
        if (type is TextDataViewType && typeof(T) == typeof(string))
        {
            var text = row.GetGetter<ReadOnlyMemory<char>>(column);
            return (Func<T>)(object)(Func<string>)(() =>
            {
                ReadOnlyMemory<char> value = default;
                text(ref value);
                return value.ToString();
            });
        }
        if (type.RawType != typeof(T))
            throw new SchemaMismatchException(column.Name, typeof(T).Name, type.ToString());
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return value;
        };
    }

    /// <summary>A getter for a column of <paramref name="outputType"/> whose values <paramref name="produce"/> returns
    /// in plain form (a dense array for a vector type, a string for text, else the raw value).</summary>
    /// <typeparam name="TValue">The plain value type.</typeparam>
    /// <param name="outputType">The column's type.</param>
    /// <param name="produce">Returns the current row's value.</param>
    public static Delegate CreateGetter<TValue>(DataViewType outputType, Func<TValue> produce)
    {
        if (outputType is VectorDataViewType vector && typeof(TValue).IsArray)
            return (Delegate)typeof(ValueReaders).GetMethod(nameof(VectorGetter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [produce])!;
        if (outputType is TextDataViewType && typeof(TValue) == typeof(string))
        {
            var text = (Func<string>)(object)produce;
            return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = text().AsMemory());
        }
        return (ValueGetter<TValue>)((ref TValue value) => value = produce());
    }

    private static Func<T[]> DenseReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        var buffer = default(VBuffer<T>);
        return () =>
        {
            getter(ref buffer);
            return VectorValues.ToDenseArray(buffer);
        };
    }

    private static ValueGetter<VBuffer<T>> VectorGetter<T>(Delegate produce)
    {
        var values = (Func<T[]>)produce;
        return (ref VBuffer<T> value) => VectorValues.Assign(ref value, values());
    }
}
