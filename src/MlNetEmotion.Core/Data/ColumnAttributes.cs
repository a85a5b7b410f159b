namespace MlNetEmotion.Data;

/// <summary>Names the column a property or field maps to (default: the member's name).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ColumnNameAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}

/// <summary>Declares a fixed-size vector (or tensor) column for an array member.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class VectorTypeAttribute(params int[] dimensions) : Attribute
{
    /// <summary>The shape.</summary>
    public int[] Dimensions { get; } = dimensions;
}

/// <summary>Declares a <see cref="uint"/> member as a key (class index) column with <see cref="Count"/> classes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class KeyTypeAttribute(int count) : Attribute
{
    /// <summary>Number of classes.</summary>
    public int Count { get; } = count;
}

/// <summary>Excludes a member from the column mapping.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NoColumnAttribute : Attribute;
