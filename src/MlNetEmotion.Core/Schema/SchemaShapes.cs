using System.Reflection;

namespace MlNetEmotion;

/// <summary>Building and checking ML.NET <see cref="SchemaShape"/>s, the pre-flight shapes estimators see before any
/// data. ML.NET keeps the constructor of <see cref="SchemaShape.Column"/> internal, so columns are made here through
/// that constructor by reflection (the one place this toolkit reaches into ML.NET's internals for shapes).</summary>
public static class SchemaShapes
{
    private static readonly ConstructorInfo ColumnConstructor =
        typeof(SchemaShape.Column).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, null,
            [typeof(string), typeof(SchemaShape.Column.VectorKind), typeof(DataViewType), typeof(bool), typeof(SchemaShape)], null)
        ?? throw new PlatformNotSupportedException("This Microsoft.ML has no SchemaShape.Column(string, VectorKind, DataViewType, bool, SchemaShape) constructor.");

    /// <summary>The shape of a column of <paramref name="type"/>: scalar, known-size or variable vector, key or not (a key's
    /// shape holds its raw item type, as ML.NET's do). A key column (or key vector) gets a <c>KeyValues</c> annotation
    /// shape when <paramref name="hasKeyValues"/>.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="type">Column type.</param>
    /// <param name="hasKeyValues">Whether a key column carries class names.</param>
    public static SchemaShape.Column Column(string name, DataViewType type, bool hasKeyValues = true)
    {
        var (kind, item) = type is VectorDataViewType v
            ? (v.IsKnownSize ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.VariableVector, (DataViewType)v.ItemType)
            : (SchemaShape.Column.VectorKind.Scalar, type);
        bool isKey = item is KeyDataViewType;
        var annotations = isKey && hasKeyValues
            ? new SchemaShape([Make("KeyValues", SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false, null)])
            : null;
        // ML.NET describes a key column by its raw number type with IsKey set (its shape refuses a key item type).
        return Make(name, kind, isKey ? KeyItemType((KeyDataViewType)item) : item, isKey, annotations);
    }

    /// <summary>The number type of a key's raw values, which ML.NET's shapes use as a key column's item type.</summary>
    private static DataViewType KeyItemType(KeyDataViewType key) =>
        key.RawType == typeof(uint) ? NumberDataViewType.UInt32
        : key.RawType == typeof(ulong) ? NumberDataViewType.UInt64
        : key.RawType == typeof(ushort) ? NumberDataViewType.UInt16
        : key.RawType == typeof(byte) ? NumberDataViewType.Byte
        : throw new ArgumentException($"A key of raw type {key.RawType.Name} has no ML.NET shape.", nameof(key));

    /// <summary>A copy of <paramref name="column"/> under another name.</summary>
    /// <param name="column">The column.</param>
    /// <param name="name">The new name.</param>
    public static SchemaShape.Column Renamed(this SchemaShape.Column column, string name) =>
        Make(name, column.Kind, column.ItemType, column.IsKey, column.Annotations);

    /// <summary>A copy of <paramref name="shape"/> with <paramref name="added"/> columns appended; a new column replaces
    /// an old one of the same name in place, as ML.NET's estimators do.</summary>
    /// <param name="shape">The input shape.</param>
    /// <param name="added">Columns produced.</param>
    public static SchemaShape With(this SchemaShape shape, params SchemaShape.Column[] added)
    {
        var byName = new Dictionary<string, SchemaShape.Column>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in shape.Concat(added))
        {
            if (!byName.ContainsKey(c.Name)) order.Add(c.Name);
            byName[c.Name] = c;
        }
        return new SchemaShape(order.Select(n => byName[n]));
    }

    /// <summary>Finds a column by name.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="name">Column name.</param>
    /// <param name="column">The column found.</param>
    public static bool TryFind(this SchemaShape shape, string name, out SchemaShape.Column column)
    {
        foreach (var c in shape)
            if (c.Name == name)
            {
                column = c;
                return true;
            }
        column = default;
        return false;
    }

    /// <summary>The column named <paramref name="name"/>, checked by <paramref name="accept"/>.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="name">Column name.</param>
    /// <param name="expected">What is expected, for the message.</param>
    /// <param name="accept">The check.</param>
    /// <exception cref="SchemaMismatchException">Missing, or of another kind or type.</exception>
    public static SchemaShape.Column Require(this SchemaShape shape, string name, string expected, Func<SchemaShape.Column, bool> accept)
    {
        if (!shape.TryFind(name, out var column))
            throw new SchemaMismatchException(name, expected, $"no such column (columns: {string.Join(", ", shape.Select(c => c.Name))})");
        if (!accept(column)) throw new SchemaMismatchException(name, expected, Describe(column));
        return column;
    }

    /// <summary>A short description of a column shape, e.g. <c>Vector&lt;Single&gt;</c>.</summary>
    /// <param name="column">The column.</param>
    public static string Describe(SchemaShape.Column column) => column.Kind switch
    {
        SchemaShape.Column.VectorKind.Scalar => column.ItemType.ToString() ?? "?",
        SchemaShape.Column.VectorKind.Vector => $"Vector<{column.ItemType}>",
        _ => $"VarVector<{column.ItemType}>",
    };

    /// <summary>True for a <c>Single</c> scalar or known-size <c>Single</c> vector.</summary>
    /// <param name="column">The column.</param>
    public static bool IsSingleOrSingleVector(SchemaShape.Column column) =>
        column.ItemType == NumberDataViewType.Single && column.Kind != SchemaShape.Column.VectorKind.VariableVector;

    private static SchemaShape.Column Make(string name, SchemaShape.Column.VectorKind kind, DataViewType item, bool isKey, SchemaShape? annotations)
    {
        try
        {
            return (SchemaShape.Column)ColumnConstructor.Invoke([name, kind, item, isKey, annotations]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ArgumentException($"Column '{name}': ML.NET rejects the shape ({e.InnerException.Message}).", e.InnerException);
        }
    }
}
