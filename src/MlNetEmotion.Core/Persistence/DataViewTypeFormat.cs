using MlNetEmotion.Data;

namespace MlNetEmotion.Persistence;

/// <summary>Binary encoding of column types inside model files: a tag byte, then the type's parameters.</summary>
internal static class DataViewTypeFormat
{
    private enum Kind : byte { Number = 1, Text = 2, Boolean = 3, Key = 4, Vector = 5, Object = 6 }

    public static void Write(BinaryWriter writer, DataViewType type)
    {
        switch (type)
        {
            case NumberDataViewType n: writer.Write((byte)Kind.Number); writer.Write(n.RawType.FullName!); break;
            case TextDataViewType: writer.Write((byte)Kind.Text); break;
            case BooleanDataViewType: writer.Write((byte)Kind.Boolean); break;
            case KeyDataViewType k: writer.Write((byte)Kind.Key); writer.Write(k.Count); break;
            case VectorDataViewType v:
                writer.Write((byte)Kind.Vector);
                Write(writer, v.ItemType);
                writer.Write(v.Dimensions.Length);
                foreach (int d in v.Dimensions) writer.Write(d);
                break;
            case ObjectDataViewType o: writer.Write((byte)Kind.Object); writer.Write(o.RawType.AssemblyQualifiedName!); break;
            default: throw new NotSupportedException($"Column type {type} cannot be saved.");
        }
    }

    public static DataViewType Read(BinaryReader reader, string source)
    {
        var kind = (Kind)reader.ReadByte();
        switch (kind)
        {
            case Kind.Number:
                string name = reader.ReadString();
                return Numbers.FirstOrDefault(t => t.RawType.FullName == name)
                    ?? throw new InvalidDataException($"{source}: unknown number type '{name}'.");
            case Kind.Text: return TextDataViewType.Instance;
            case Kind.Boolean: return BooleanDataViewType.Instance;
            case Kind.Key:
                ulong count = reader.ReadUInt64();
                if (count is 0 or > int.MaxValue) throw new InvalidDataException($"{source}: key type with {count} classes.");
                return new KeyDataViewType(typeof(uint), count);
            case Kind.Vector:
                var item = Read(reader, source) as PrimitiveDataViewType
                    ?? throw new InvalidDataException($"{source}: vector item type is not primitive.");
                int rank = reader.ReadInt32();
                if (rank is < 0 or > 16) throw new InvalidDataException($"{source}: vector rank {rank} is impossible.");
                var dims = new int[rank];
                for (int i = 0; i < rank; i++)
                    if ((dims[i] = reader.ReadInt32()) < 0) throw new InvalidDataException($"{source}: vector dimension {dims[i]} is negative.");
                return new VectorDataViewType(item, dims);
            case Kind.Object:
                string typeName = reader.ReadString();
                return new ObjectDataViewType(Type.GetType(typeName) ?? typeof(object));
            default:
                throw new InvalidDataException($"{source}: unknown column type tag {(byte)kind} at offset {reader.BaseStream.Position - 1}.");
        }
    }

    private static readonly NumberDataViewType[] Numbers =
    [
        NumberDataViewType.Single, NumberDataViewType.Double, NumberDataViewType.Byte, NumberDataViewType.SByte,
        NumberDataViewType.Int16, NumberDataViewType.UInt16, NumberDataViewType.Int32, NumberDataViewType.UInt32,
        NumberDataViewType.Int64, NumberDataViewType.UInt64,
    ];
}
