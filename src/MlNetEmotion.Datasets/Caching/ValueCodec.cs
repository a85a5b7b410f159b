using System.Reflection;
using System.Runtime.InteropServices;
using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>Binary encoding of column values for the cache and for row keys: numbers, text, booleans, keys and
/// vectors of them (written dense, little-endian). Values are in ML.NET's raw types: vectors as <see cref="VBuffer{T}"/>,
/// text as <see cref="ReadOnlyMemory{T}"/> of char.</summary>
internal static class ValueCodec
{
    public static bool CanEncode(DataViewType type) => type switch
    {
        VectorDataViewType v => CanEncode(v.ItemType),
        NumberDataViewType or TextDataViewType or BooleanDataViewType => true,
        KeyDataViewType k => k.RawType == typeof(uint) || k.RawType == typeof(ulong) || k.RawType == typeof(ushort) || k.RawType == typeof(byte),
        _ => false,
    };

    public static void Write(BinaryWriter w, DataViewType type, object? value)
    {
        switch (type)
        {
            case VectorDataViewType v:
                var array = value is null ? Array.CreateInstance(v.ItemType.RawType, 0) : Dense(value, v.ItemType.RawType);
                w.Write(array.Length);
                if (!WriteBlock(w, array))
                    foreach (var item in array) Write(w, v.ItemType, item);
                break;
            case TextDataViewType:
                w.Write(value switch { ReadOnlyMemory<char> m => m.ToString(), string s => s, _ => "" });
                break;
            case BooleanDataViewType: w.Write((bool)value!); break;
            case KeyDataViewType:
                switch (value)
                {
                    case uint u: w.Write(u); break;
                    case ulong ul: w.Write(ul); break;
                    case ushort us: w.Write(us); break;
                    case byte b: w.Write(b); break;
                    default: throw new NotSupportedException($"Values of type {type} cannot be cached.");
                }
                break;
            default:
                switch (value)
                {
                    case float f: w.Write(f); break;
                    case double d: w.Write(d); break;
                    case byte b: w.Write(b); break;
                    case sbyte sb: w.Write(sb); break;
                    case short sh: w.Write(sh); break;
                    case ushort us: w.Write(us); break;
                    case int i: w.Write(i); break;
                    case long l: w.Write(l); break;
                    case uint u: w.Write(u); break;
                    case ulong ul: w.Write(ul); break;
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
                return Vector(array, v.ItemType.RawType);
            case TextDataViewType: return r.ReadString().AsMemory();
            case BooleanDataViewType: return r.ReadBoolean();
            default:
                var raw = type.RawType;
                return raw == typeof(float) ? r.ReadSingle() : raw == typeof(double) ? r.ReadDouble() : raw == typeof(byte) ? r.ReadByte()
                    : raw == typeof(int) ? r.ReadInt32() : raw == typeof(long) ? r.ReadInt64() : raw == typeof(uint) ? r.ReadUInt32()
                    : raw == typeof(ulong) ? r.ReadUInt64() : raw == typeof(ushort) ? r.ReadUInt16() : raw == typeof(short) ? r.ReadInt16()
                    : raw == typeof(sbyte) ? (object)r.ReadSByte()
                    : throw new NotSupportedException($"Values of type {type} cannot be cached.");
        }
    }

    /// <summary>A copy of a value that owns its storage (vectors are deep-copied; other values are immutable).</summary>
    public static object? Own(object? value, DataViewType type) =>
        type is VectorDataViewType v && value is not null ? Generic(nameof(CloneVector), v.ItemType.RawType).Invoke(null, [value]) : value;

    /// <summary>The dense items of a boxed <see cref="VBuffer{T}"/>.</summary>
    private static Array Dense(object vector, Type itemType) => (Array)Generic(nameof(DenseOf), itemType).Invoke(null, [vector])!;

    /// <summary>A boxed dense <see cref="VBuffer{T}"/> over <paramref name="items"/>.</summary>
    private static object Vector(Array items, Type itemType) => Generic(nameof(VectorOf), itemType).Invoke(null, [items])!;

    private static MethodInfo Generic(string name, Type itemType) =>
        typeof(ValueCodec).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(itemType);

    private static T[] DenseOf<T>(object vector) => VectorValues.ToDenseArray((VBuffer<T>)vector);

    private static object VectorOf<T>(T[] items) => new VBuffer<T>(items.Length, items);

    private static object CloneVector<T>(object vector) => VectorValues.Clone((VBuffer<T>)vector);
}
