using System.Reflection;

namespace MlNetEmotion.Data;

/// <summary>How the public properties and fields of a CLR class map to columns.</summary>
internal sealed class TypeColumnMap
{
    private TypeColumnMap(Type type, Member[] members)
    {
        Type = type;
        Members = members;
    }

    public Type Type { get; }

    public Member[] Members { get; }

    public sealed record Member(string ColumnName, DataViewType ColumnType, MemberInfo Info)
    {
        public Type ValueType => Info is PropertyInfo p ? p.PropertyType : ((FieldInfo)Info).FieldType;

        public object? Get(object target) => Info is PropertyInfo p ? p.GetValue(target) : ((FieldInfo)Info).GetValue(target);

        public void Set(object target, object? value)
        {
            if (Info is PropertyInfo p) p.SetValue(target, value);
            else ((FieldInfo)Info).SetValue(target, value);
        }

        public bool CanWrite => Info is PropertyInfo p ? p.CanWrite : !((FieldInfo)Info).IsInitOnly;
    }

    public static TypeColumnMap For(Type type)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<NoColumnAttribute>() is null)
            .Select(m => new Member(
                m.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? m.Name,
                ColumnTypeOf(type, m),
                m))
            .ToArray();
        return new TypeColumnMap(type, members);
    }

    private static DataViewType ColumnTypeOf(Type owner, MemberInfo member)
    {
        var valueType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        if (member.GetCustomAttribute<KeyTypeAttribute>() is { } key)
        {
            if (valueType != typeof(uint))
                throw new ArgumentException($"{owner.Name}.{member.Name}: [KeyType] needs a uint member, found {valueType.Name}.");
            return new KeyDataViewType(key.Count);
        }
        if (valueType.IsArray)
        {
            var item = PrimitiveOf(valueType.GetElementType()!)
                ?? throw new ArgumentException($"{owner.Name}.{member.Name}: arrays of {valueType.GetElementType()!.Name} cannot be a vector column.");
            var dims = member.GetCustomAttribute<VectorTypeAttribute>()?.Dimensions ?? [];
            return new VectorDataViewType(item, dims);
        }
        return PrimitiveOf(valueType) ?? (DataViewType)new ObjectDataViewType(valueType);
    }

    private static PrimitiveDataViewType? PrimitiveOf(Type t) =>
        t == typeof(string) ? TextDataViewType.Instance
        : t == typeof(bool) ? BooleanDataViewType.Instance
        : NumberDataViewType.FromRawType(t);
}
