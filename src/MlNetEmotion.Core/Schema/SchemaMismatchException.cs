namespace MlNetEmotion;

/// <summary>A column is missing or has the wrong type. The message names the column, what was expected and what was found.</summary>
public sealed class SchemaMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for column <paramref name="columnName"/>.</summary>
    /// <param name="columnName">The column at fault.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="found">What was found (a type's text, which ML.NET declares nullable).</param>
    public SchemaMismatchException(string columnName, string? expected, string? found)
        : base($"Column '{columnName}': expected {expected ?? "?"}, found {found ?? "?"}.")
    {
        ColumnName = columnName;
        Expected = expected ?? "?";
        Found = found ?? "?";
    }

    /// <summary>The column at fault.</summary>
    public string ColumnName { get; }

    /// <summary>What was expected.</summary>
    public string Expected { get; }

    /// <summary>What was found.</summary>
    public string Found { get; }

    /// <summary>The exception for a column that is not in <paramref name="schema"/>.</summary>
    public static SchemaMismatchException Missing(string columnName, string? expected, DataViewSchema schema) =>
        new(columnName, expected, $"no such column (columns: {VisibleNames(schema)})");

    /// <summary>The exception for a getter asked of a column the cursor was not opened with.</summary>
    /// <param name="columnName">The column.</param>
    public static SchemaMismatchException Inactive(string columnName) =>
        new(columnName, "an active column", "an inactive column: request it when opening the cursor");

    private static string VisibleNames(DataViewSchema schema)
    {
        var names = schema.Where(c => !c.IsHidden).Select(c => c.Name).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }
}

/// <summary>A value in the data cannot be used: a NaN or infinite feature, an empty view, a missing label, ...
/// The message names the column and row.</summary>
public sealed class DataValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataValidationException(string message, string? columnName = null, long? row = null) : base(message)
    {
        ColumnName = columnName;
        Row = row;
    }

    /// <summary>The column at fault, when one is.</summary>
    public string? ColumnName { get; }

    /// <summary>The 0-based row at fault, when one is.</summary>
    public long? Row { get; }

    /// <summary>The exception for a non-finite value in slot <paramref name="slot"/> of <paramref name="columnName"/>.</summary>
    public static DataValidationException NonFinite(string columnName, long row, int slot, double value) =>
        new($"Column '{columnName}', row {row}, slot {slot}: value {value} is not finite.", columnName, row);

    /// <summary>Checks that every value of a row's vector is finite.</summary>
    /// <param name="values">The values.</param>
    /// <param name="columnName">Their column, for the message.</param>
    /// <param name="row">Their row, for the message.</param>
    /// <exception cref="DataValidationException">A value is NaN or infinite (column, row and slot named).</exception>
    public static void RequireFinite(ReadOnlySpan<float> values, string columnName, long row)
    {
        for (int j = 0; j < values.Length; j++)
            if (!float.IsFinite(values[j])) throw NonFinite(columnName, row, j, values[j]);
    }

    /// <summary>The exception for a view with no rows where rows are needed.</summary>
    public static DataValidationException Empty(string what) => new($"{what}: the data view has no rows.");
}
