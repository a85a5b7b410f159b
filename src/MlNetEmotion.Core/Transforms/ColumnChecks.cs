namespace MlNetEmotion.Transforms;

/// <summary>Input-column checks shared by the transforms: each failure names the column, the expected and the found type.</summary>
public static class ColumnChecks
{
    /// <summary>The column <paramref name="name"/> of <paramref name="schema"/>, checked with <paramref name="accept"/>.</summary>
    /// <exception cref="SchemaMismatchException">Missing, or rejected by <paramref name="accept"/>.</exception>
    public static DataViewSchema.Column Require(DataViewSchema schema, string name, string expected, Func<DataViewType, bool> accept)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaMismatchException.Missing(name, expected, schema);
        if (!accept(column.Type)) throw new SchemaMismatchException(name, expected, column.Type.ToString()!);
        return column;
    }

    /// <summary>A float scalar or known-size float vector column.</summary>
    public static DataViewSchema.Column RequireSingleOrSingleVector(DataViewSchema schema, string name) =>
        Require(schema, name, "Single or a known-size vector of Single", IsSingleOrSingleVector);

    /// <summary>True for <c>Single</c> or a known-size vector of <c>Single</c>.</summary>
    public static bool IsSingleOrSingleVector(DataViewType type) =>
        type == NumberDataViewType.Single || type is VectorDataViewType { IsKnownSize: true } v && v.ItemType == NumberDataViewType.Single;

    /// <summary>Shape-level twin of <see cref="IsSingleOrSingleVector(DataViewType)"/> for <c>GetOutputSchema</c> checks.</summary>
    public static bool IsSingleOrSingleVector(SchemaShape.Column column) =>
        column.ItemType == NumberDataViewType.Single && column.Kind != SchemaShape.Column.VectorKind.VariableVector;

    /// <summary>Requires a <c>Single</c> column or a vector of <c>Single</c> of known or variable size.</summary>
    public static DataViewSchema.Column RequireSingleOrAnySingleVector(DataViewSchema schema, string name) =>
        Require(schema, name, "Single or a vector of Single", IsSingleOrAnySingleVector);

    /// <summary>True for <c>Single</c> or a vector of <c>Single</c> of any size.</summary>
    public static bool IsSingleOrAnySingleVector(DataViewType type) =>
        type == NumberDataViewType.Single || type is VectorDataViewType v && v.ItemType == NumberDataViewType.Single;

    /// <summary>Number of floats per row of a Single or Single-vector column (0 for a variable-size vector).</summary>
    public static int SlotCount(DataViewType type) => type is VectorDataViewType v ? v.Size : 1;
}
