namespace MlNetEmotion.Data;

/// <summary>A column whose values are objects of one CLR type (an EEG recording, a sequence of video frames, a decoded
/// clip): ML.NET's <see cref="StructuredDataViewType"/> for the rich values that flow between this toolkit's steps
/// before they become numeric vectors. Two instances are equal when their raw types are.</summary>
public sealed class ObjectDataViewType : StructuredDataViewType
{
    /// <summary>Creates the type of a column holding <paramref name="rawType"/> values.</summary>
    /// <param name="rawType">The CLR type of one value (a reference type).</param>
    public ObjectDataViewType(Type rawType) : base(rawType)
    {
        ArgumentNullException.ThrowIfNull(rawType);
        if (rawType.IsValueType) throw new ArgumentException($"{rawType.Name} is a value type; object columns hold reference types.", nameof(rawType));
    }

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is ObjectDataViewType o && o.RawType == RawType;

    /// <inheritdoc />
    public override bool Equals(object? other) => other is DataViewType t && Equals(t);

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"Object<{RawType.Name}>";
}
