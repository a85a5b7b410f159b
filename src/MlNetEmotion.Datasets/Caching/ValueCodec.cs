using System.Runtime.InteropServices;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>Binary encoding of column values for the cache and for row keys: numbers, text, booleans, keys and
/// dense vectors of them, little-endian.</summary>
internal static class ValueCodec
{
    public static bool CanEncode(DataViewType type) => type switch
    {
        VectorDataViewType v => CanEncode(v.ItemType),
        NumberDataViewType or TextDataViewType or BooleanDataViewType or KeyDataViewType => true,
        _ => false,
    };

    public static void Write(BinaryWriter w, DataViewType type, object? value)
    {
        switch (type)
        {
            case VectorDataViewType v:
                var array = (Array?)value ?? Array.CreateInstance(v.ItemType.RawType, 0);
                w.Write(array.Length);
                if (!WriteBlock(w, array))
                    foreach (var item in array) Write(w, v.ItemType, item);
                break;
            case TextDataViewType: w.Write((string?)value ?? ""); break;
            case BooleanDataViewType: w.Write((bool)value!); break;
            case KeyDataViewType: w.Write((uint)value!); break;
            default:
                switch (value)
                {
                    case float f: w.Write(f); break;
                    case double d: w.Write(d); break;
                    case byte b: w.Write(b); break;
                    case int i: w.Write(i); break;
                    case long l: w.Write(l); break;
                    case uint u: w.Write(u); break;
                    default: throw new NotSupportedException($"Values of type {type} cannot be cached.");
                }
                break;
        }
    }

    /// <summary>Numeric arrays go as one block of little-endian bytes (no per-element boxing).</summary>
    private static bool WriteBlock(BinaryWriter w, Array array)
    {
        switch (array)
        {
            case float[] f: w.Write(MemoryMarshal.AsBytes(f.AsSpan())); return true;
            case double[] d: w.Write(MemoryMarshal.AsBytes(d.AsSpan())); return true;
            case byte[] b: w.Write(b); return true;
            case int[] i: w.Write(MemoryMarshal.AsBytes(i.AsSpan())); return true;
            case uint[] u: w.Write(MemoryMarshal.AsBytes(u.AsSpan())); return true;
            case long[] l: w.Write(MemoryMarshal.AsBytes(l.AsSpan())); return true;
            default: return false;
        }
    }

    private static bool ReadBlock(BinaryReader r, Array array)
    {
        Span<byte> target = array switch
        {
            float[] f => MemoryMarshal.AsBytes(f.AsSpan()),
            double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
            byte[] b => b.AsSpan(),
            int[] i => MemoryMarshal.AsBytes(i.AsSpan()),
            uint[] u => MemoryMarshal.AsBytes(u.AsSpan()),
            long[] l => MemoryMarshal.AsBytes(l.AsSpan()),
            _ => default,
        };
        if (target.IsEmpty && array.Length > 0) return false;
        if (r.Read(target) != target.Length) throw new EndOfStreamException("The cached vector is truncated.");
        return true;
    }

    public static object? Read(BinaryReader r, DataViewType type)
    {
        switch (type)
        {
            case VectorDataViewType v:
                int n = r.ReadInt32();
                if (n < 0 || n > r.BaseStream.Length) throw new InvalidDataException($"Impossible vector length {n}.");
                var array = Array.CreateInstance(v.ItemType.RawType, n);
                if (!ReadBlock(r, array))
                    for (int i = 0; i < n; i++) array.SetValue(Read(r, v.ItemType), i);
                return array;
            case TextDataViewType: return r.ReadString();
            case BooleanDataViewType: return r.ReadBoolean();
            case KeyDataViewType: return r.ReadUInt32();
            default:
                var raw = type.RawType;
                return raw == typeof(float) ? r.ReadSingle() : raw == typeof(double) ? r.ReadDouble() : raw == typeof(byte) ? r.ReadByte()
                    : raw == typeof(int) ? r.ReadInt32() : raw == typeof(long) ? r.ReadInt64() : raw == typeof(uint) ? (object)r.ReadUInt32()
                    : throw new NotSupportedException($"Values of type {type} cannot be cached.");
        }
    }
}
