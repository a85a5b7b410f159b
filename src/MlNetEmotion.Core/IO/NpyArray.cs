using System.Runtime.InteropServices;

namespace MlNetEmotion.Core.IO;

/// <summary>An n-dimensional array read from or written to a NumPy <c>.npy</c> file, stored flat in C (row-major) order.</summary>
public sealed class NpyArray
{
    /// <summary>Creates an array from flat C-order data and its shape.</summary>
    /// <param name="data">Flat element array: <c>byte[]</c>, <c>int[]</c>, <c>long[]</c>, <c>float[]</c> or <c>double[]</c>.</param>
    /// <param name="shape">Extent of each dimension; empty for a scalar.</param>
    /// <exception cref="ArgumentException">The element type is unsupported or the data length is not the product of the shape.</exception>
    public NpyArray(Array data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        DataType = DataTypeOf(data.GetType().GetElementType()!);
        long count = 1;
        foreach (int extent in shape)
        {
            if (extent < 0)
                throw new ArgumentException($"Shape extents must be non-negative; got [{string.Join(", ", shape)}].", nameof(shape));
            count *= extent;
        }
        if (data.Length != count)
            throw new ArgumentException($"Data holds {data.Length} elements but shape [{string.Join(", ", shape)}] needs {count}.", nameof(data));
        Data = data;
        Shape = (int[])shape.Clone();
    }

    /// <summary>The flat element array in C order (its CLR type matches <see cref="DataType"/>).</summary>
    public Array Data { get; }

    /// <summary>Extent of each dimension (empty for a scalar).</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>Total number of elements (the product of <see cref="Shape"/>).</summary>
    public int Length => Data.Length;

    /// <summary>Returns the data as <typeparamref name="T"/>[] without copying.</summary>
    /// <typeparam name="T">The element type the caller expects.</typeparam>
    /// <exception cref="InvalidCastException">The array holds another element type.</exception>
    public T[] As<T>() where T : unmanaged =>
        Data as T[] ?? throw new InvalidCastException($"The array holds {DataType} elements, not {typeof(T).Name}.");

    /// <summary>Returns a copy of the data converted to double precision, whatever the stored element type.</summary>
    public double[] ToDoubleArray()
    {
        var result = new double[Data.Length];
        switch (Data)
        {
            case double[] d: d.CopyTo(result, 0); break;
            case float[] f: for (int i = 0; i < f.Length; i++) result[i] = f[i]; break;
            case int[] n: for (int i = 0; i < n.Length; i++) result[i] = n[i]; break;
            case long[] l: for (int i = 0; i < l.Length; i++) result[i] = l[i]; break;
            case byte[] b: for (int i = 0; i < b.Length; i++) result[i] = b[i]; break;
        }
        return result;
    }

    /// <summary>The raw little-endian bytes of the data.</summary>
    internal Span<byte> WritableBytes => Data switch
    {
        double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
        float[] f => MemoryMarshal.AsBytes(f.AsSpan()),
        int[] n => MemoryMarshal.AsBytes(n.AsSpan()),
        long[] l => MemoryMarshal.AsBytes(l.AsSpan()),
        _ => (byte[])Data,
    };

    /// <summary>The raw little-endian bytes of the data, read-only.</summary>
    internal ReadOnlySpan<byte> Bytes => WritableBytes;

    /// <summary>Maps a CLR element type to its NPY type.</summary>
    internal static NpyDataType DataTypeOf(Type elementType) =>
        elementType == typeof(double) ? NpyDataType.Float64
        : elementType == typeof(float) ? NpyDataType.Float32
        : elementType == typeof(int) ? NpyDataType.Int32
        : elementType == typeof(long) ? NpyDataType.Int64
        : elementType == typeof(byte) ? NpyDataType.UInt8
        : throw new ArgumentException($"Element type {elementType.Name} cannot be stored in .npy here; use byte, int, long, float or double.");
}
