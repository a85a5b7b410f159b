using System.Globalization;

namespace MlNetEmotion;

/// <summary>Helpers for key (class index) columns.</summary>
public static class KeyColumns
{
    /// <summary>The class names of a key column: its <see cref="AnnotationNames.KeyValues"/> annotation, or "1".."n".</summary>
    /// <exception cref="SchemaMismatchException">The column is not a key column.</exception>
    public static string[] ClassNames(DataViewSchema.Column keyColumn)
    {
        if (keyColumn.Type is not KeyDataViewType key)
            throw new SchemaMismatchException(keyColumn.Name, "a key column", keyColumn.Type.ToString()!);
        return keyColumn.Annotations.TryGetValue<string[]>(AnnotationNames.KeyValues, out var names) && names.Length == key.Count
            ? names
            : Enumerable.Range(1, key.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }
}
