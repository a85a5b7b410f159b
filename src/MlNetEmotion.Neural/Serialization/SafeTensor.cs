using System.Buffers.Binary;

namespace MlNetEmotion.Neural.Serialization;

/// <summary>One named array of a safetensors file: dtype, shape and its raw little-endian bytes.</summary>
public sealed class SafeTensor
{
    /// <summary>Creates an entry; <paramref name="data"/> must hold exactly shape × dtype-size bytes.</summary>
    public SafeTensor(SafeTensorDType dtype, long[] shape, byte[] data)
    {
        long expected = Shapes.Numel(shape) * SafeTensorDTypes.Size(dtype);
        if (data.Length != expected)
            throw new ArgumentException($"SafeTensor: {dtype} {Shapes.Format(shape)} needs {expected} bytes, got {data.Length}.", nameof(data));
        DType = dtype;
        Shape = (long[])shape.Clone();
        Data = data;
    }

    /// <summary>Element type.</summary>
    public SafeTensorDType DType { get; }

    /// <summary>Shape.</summary>
    public long[] Shape { get; }

    /// <summary>Raw little-endian bytes.</summary>
    public byte[] Data { get; }

    /// <summary>Wraps a float32 or int64 tensor (bytes copied in little-endian order).</summary>
    public static SafeTensor FromTensor(Tensor tensor)
    {
        if (tensor.dtype == ScalarType.Int64)
        {
            var l = tensor.AsInt64Span();
            var lb = new byte[l.Length * 8];
            for (int i = 0; i < l.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(lb.AsSpan(i * 8), l[i]);
            return new SafeTensor(SafeTensorDType.I64, tensor.shape, lb);
        }
        var f = tensor.AsSpan();
        var b = new byte[f.Length * 4];
        for (int i = 0; i < f.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(i * 4), f[i]);
        return new SafeTensor(SafeTensorDType.F32, tensor.shape, b);
    }

    /// <summary>Converts to a tensor: integer types become int64, float types become float32 (F64 rounded).</summary>
    public Tensor ToTensor()
    {
        int n = (int)Shapes.Numel(Shape);
        if (DType is SafeTensorDType.I64 or SafeTensorDType.I32 or SafeTensorDType.U8)
        {
            var l = new long[n];
            for (int i = 0; i < n; i++)
            {
                l[i] = DType switch
                {
                    SafeTensorDType.I64 => BinaryPrimitives.ReadInt64LittleEndian(Data.AsSpan(i * 8)),
                    SafeTensorDType.I32 => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(i * 4)),
                    _ => Data[i],
                };
            }
            return torch.tensor(l, Shape);
        }
        var f = new float[n];
        for (int i = 0; i < n; i++)
        {
            f[i] = DType switch
            {
                SafeTensorDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(i * 4)),
                SafeTensorDType.F64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(Data.AsSpan(i * 8)),
                SafeTensorDType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(Data.AsSpan(i * 2)),
                _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(Data.AsSpan(i * 2)) << 16),
            };
        }
        return torch.tensor(f, Shape);
    }
}
