namespace MlNetEmotion;

/// <summary>The type of a column in a <see cref="IDataView"/>: what a getter hands out for one row.</summary>
/// <remarks>Unlike ML.NET, vectors are plain dense arrays (<c>T[]</c>) and text is <see cref="string"/>.</remarks>
public abstract class DataViewType : IEquatable<DataViewType>
{
    /// <summary>Creates a type whose values are of CLR type <paramref name="rawType"/>.</summary>
    protected DataViewType(Type rawType) => RawType = rawType;

    /// <summary>The CLR type of one value of this column (<c>float</c>, <c>float[]</c>, <c>string</c>, ...).</summary>
    public Type RawType { get; }

    /// <inheritdoc />
    public abstract bool Equals(DataViewType? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DataViewType t && Equals(t);

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();
}

/// <summary>A scalar type that can be an item of a <see cref="VectorDataViewType"/>.</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    /// <summary>Creates a primitive type over <paramref name="rawType"/>.</summary>
    protected PrimitiveDataViewType(Type rawType) : base(rawType) { }
}

/// <summary>Numeric scalar types.</summary>
public sealed class NumberDataViewType : PrimitiveDataViewType
{
    private readonly string _name;

    private NumberDataViewType(Type rawType, string name) : base(rawType) => _name = name;

    /// <summary>32-bit float (<see cref="float"/>), the engine's working type.</summary>
    public static NumberDataViewType Single { get; } = new(typeof(float), "Single");

    /// <summary>64-bit float (<see cref="double"/>).</summary>
    public static NumberDataViewType Double { get; } = new(typeof(double), "Double");

    /// <summary>Unsigned byte (<see cref="byte"/>), e.g. image pixels.</summary>
    public static NumberDataViewType Byte { get; } = new(typeof(byte), "Byte");

    /// <summary>32-bit signed integer.</summary>
    public static NumberDataViewType Int32 { get; } = new(typeof(int), "Int32");

    /// <summary>64-bit signed integer.</summary>
    public static NumberDataViewType Int64 { get; } = new(typeof(long), "Int64");

    /// <summary>32-bit unsigned integer.</summary>
    public static NumberDataViewType UInt32 { get; } = new(typeof(uint), "UInt32");

    /// <summary>The number type whose raw type is <paramref name="type"/>, or null if there is none.</summary>
    public static NumberDataViewType? FromRawType(Type type) =>
        type == typeof(float) ? Single : type == typeof(double) ? Double : type == typeof(byte) ? Byte :
        type == typeof(int) ? Int32 : type == typeof(long) ? Int64 : type == typeof(uint) ? UInt32 : null;

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => _name;
}

/// <summary>Text values (<see cref="string"/>).</summary>
public sealed class TextDataViewType : PrimitiveDataViewType
{
    private TextDataViewType() : base(typeof(string)) { }

    /// <summary>The single instance.</summary>
    public static TextDataViewType Instance { get; } = new();

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is TextDataViewType;

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => "Text";
}

/// <summary>Boolean values.</summary>
public sealed class BooleanDataViewType : PrimitiveDataViewType
{
    private BooleanDataViewType() : base(typeof(bool)) { }

    /// <summary>The single instance.</summary>
    public static BooleanDataViewType Instance { get; } = new();

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is BooleanDataViewType;

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => "Boolean";
}

/// <summary>A class index ("key") in 1..<see cref="Count"/>; 0 means missing. Raw type <see cref="uint"/>.</summary>
/// <remarks>Class names travel in the <see cref="AnnotationNames.KeyValues"/> annotation, as in ML.NET.</remarks>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type with <paramref name="count"/> classes.</summary>
    public KeyDataViewType(int count) : base(typeof(uint))
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A key type needs at least one class.");
        Count = count;
    }

    /// <summary>Number of classes.</summary>
    public int Count { get; }

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is KeyDataViewType k && k.Count == Count;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(typeof(KeyDataViewType), Count);

    /// <inheritdoc />
    public override string ToString() => $"Key<{Count}>";
}

/// <summary>A dense vector or n-d tensor of primitive items, stored row-major in a <c>T[]</c>.</summary>
/// <remarks>A dimension of 0 means "varies by row"; a vector whose every dimension is positive has a known size.</remarks>
public sealed class VectorDataViewType : DataViewType
{
    /// <summary>Creates a vector type with item type <paramref name="itemType"/> and the given shape
    /// (no dimensions, or a single 0, means a variable-size vector).</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : base(itemType.RawType.MakeArrayType())
    {
        ArgumentNullException.ThrowIfNull(itemType);
        if (dimensions.Any(d => d < 0))
            throw new ArgumentOutOfRangeException(nameof(dimensions), string.Join(",", dimensions), "Dimensions must be 0 (variable) or positive.");
        ItemType = itemType;
        Dimensions = dimensions.Length == 0 ? [0] : (int[])dimensions.Clone();
        Size = Dimensions.Any(d => d == 0) ? 0 : Dimensions.Aggregate(1, (a, d) => checked(a * d));
    }

    /// <summary>Type of one item.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>Shape, row-major; 0 entries vary by row.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Total number of items, or 0 when the size varies by row.</summary>
    public int Size { get; }

    /// <summary>True when every row has <see cref="Size"/> items.</summary>
    public bool IsKnownSize => Size > 0;

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) =>
        other is VectorDataViewType v && v.ItemType.Equals(ItemType) && v.Dimensions.SequenceEqual(Dimensions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ItemType, Size, Dimensions.Count);

    /// <inheritdoc />
    public override string ToString() => $"Vector<{ItemType}, {string.Join("x", Dimensions)}>";
}

/// <summary>A column holding arbitrary objects (a decoded recording, an image, a video handle).</summary>
/// <remarks>Object columns flow between transforms in memory; they cannot be saved with a model.</remarks>
public sealed class ObjectDataViewType : DataViewType
{
    /// <summary>Creates an object column type for values of <paramref name="type"/>.</summary>
    public ObjectDataViewType(Type type) : base(type) { }

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is ObjectDataViewType o && o.RawType == RawType;

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"Object<{RawType.Name}>";
}
