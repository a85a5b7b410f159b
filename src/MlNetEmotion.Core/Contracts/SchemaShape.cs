using System.Collections;

namespace MlNetEmotion;

/// <summary>The shape of a schema as estimators see it before any data: names, kinds and item types.</summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    /// <summary>Creates a shape from columns; later columns shadow earlier ones of the same name.</summary>
    public SchemaShape(IEnumerable<Column> columns)
    {
        var byName = new Dictionary<string, Column>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in columns)
        {
            if (!byName.ContainsKey(c.Name)) order.Add(c.Name);
            byName[c.Name] = c;
        }
        _columns = order.Select(n => byName[n]).ToArray();
    }

    /// <summary>How many values a column holds per row.</summary>
    public enum VectorKind
    {
        /// <summary>One value.</summary>
        Scalar,

        /// <summary>A vector of known size.</summary>
        Vector,

        /// <summary>A vector whose size varies by row.</summary>
        VariableVector,
    }

    /// <summary>One column's shape.</summary>
    /// <param name="Name">Column name.</param>
    /// <param name="Kind">Scalar or vector.</param>
    /// <param name="ItemType">Item type (for vectors) or the type itself (scalars).</param>
    /// <param name="IsKey">True for key (class index) columns.</param>
    public sealed record Column(string Name, VectorKind Kind, DataViewType ItemType, bool IsKey)
    {
        /// <inheritdoc />
        public override string ToString() => Kind switch
        {
            VectorKind.Scalar => ItemType.ToString()!,
            VectorKind.Vector => $"Vector<{ItemType}>",
            _ => $"VarVector<{ItemType}>",
        };
    }

    /// <summary>The shape of a concrete schema (visible columns).</summary>
    public static SchemaShape Create(DataViewSchema schema) =>
        new(schema.Where(c => !c.IsHidden).Select(c => FromType(c.Name, c.Type)));

    /// <summary>The shape of a column of type <paramref name="type"/>.</summary>
    public static Column FromType(string name, DataViewType type) => type switch
    {
        VectorDataViewType v => new Column(name, v.IsKnownSize ? VectorKind.Vector : VectorKind.VariableVector, v.ItemType, v.ItemType is KeyDataViewType),
        _ => new Column(name, VectorKind.Scalar, type, type is KeyDataViewType),
    };

    /// <summary>Number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>Column at <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>Finds a column by name.</summary>
    public bool TryFindColumn(string name, out Column column)
    {
        column = _columns.FirstOrDefault(c => c.Name == name)!;
        return column is not null;
    }

    /// <summary>The column named <paramref name="name"/>, checked to be of one of the accepted kinds and item types.</summary>
    /// <exception cref="SchemaMismatchException">Missing, or of another kind or type.</exception>
    public Column Require(string name, string expected, Func<Column, bool> accept)
    {
        if (!TryFindColumn(name, out var column))
            throw new SchemaMismatchException(name, expected, $"no such column (columns: {string.Join(", ", _columns.Select(c => c.Name))})");
        if (!accept(column)) throw new SchemaMismatchException(name, expected, column.ToString());
        return column;
    }

    /// <summary>A copy with <paramref name="added"/> columns appended (shadowing same-named ones).</summary>
    public SchemaShape With(params Column[] added) => new(_columns.Concat(added));

    /// <inheritdoc />
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
