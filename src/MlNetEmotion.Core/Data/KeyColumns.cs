using System.Globalization;

namespace MlNetEmotion;

/// <summary>Helpers for key (class index) columns and their class names, in ML.NET's representation: raw type
/// <see cref="uint"/>, 1-based, 0 missing, names in the <c>KeyValues</c> annotation.</summary>
public static class KeyColumns
{
    /// <summary>Name of ML.NET's annotation holding a key column's class names.</summary>
    public const string KeyValues = "KeyValues";

    /// <summary>Name of ML.NET's annotation holding a vector column's slot names.</summary>
    public const string SlotNames = "SlotNames";

    /// <summary>The key type of <paramref name="count"/> classes (raw type <see cref="uint"/>).</summary>
    /// <param name="count">Number of classes.</param>
    public static KeyDataViewType Type(int count) => new(typeof(uint), count);

    /// <summary>The class names of a key column: its <c>KeyValues</c> annotation, or "1".."n".</summary>
    /// <param name="keyColumn">A key column.</param>
    /// <exception cref="SchemaMismatchException">The column is not a key column.</exception>
    public static string[] ClassNames(DataViewSchema.Column keyColumn)
    {
        if (keyColumn.Type is not KeyDataViewType key)
            throw new SchemaMismatchException(keyColumn.Name, "a key column", keyColumn.Type.ToString());
        var names = Texts(keyColumn.Annotations, KeyValues);
        return names is not null && names.Length == (int)key.Count
            ? names
            : Enumerable.Range(1, (int)key.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The text values of annotation <paramref name="kind"/>, or null when absent.</summary>
    /// <param name="annotations">A column's annotations.</param>
    /// <param name="kind">The annotation, e.g. <c>KeyValues</c> or <c>SlotNames</c>.</param>
    public static string[]? Texts(DataViewSchema.Annotations annotations, string kind)
    {
        var column = annotations.Schema.GetColumnOrNull(kind);
        if (column is null || column.Value.Type is not VectorDataViewType { ItemType: TextDataViewType }) return null;
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        annotations.GetValue(kind, ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    /// <summary>Annotations naming the classes of a key column.</summary>
    /// <param name="classNames">Class names in key order.</param>
    public static DataViewSchema.Annotations Annotations(IReadOnlyList<string> classNames) => TextAnnotation(KeyValues, classNames);

    /// <summary>Annotations naming the slots of a vector column.</summary>
    /// <param name="slotNames">Slot names.</param>
    public static DataViewSchema.Annotations SlotNameAnnotations(IReadOnlyList<string> slotNames) => TextAnnotation(SlotNames, slotNames);

    /// <summary>One text-vector annotation.</summary>
    /// <param name="kind">Annotation name.</param>
    /// <param name="values">Its values.</param>
    public static DataViewSchema.Annotations TextAnnotation(string kind, IReadOnlyList<string> values)
    {
        var memory = values.Select(v => v.AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(kind, new VectorDataViewType(TextDataViewType.Instance, memory.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(memory.Length, (ReadOnlyMemory<char>[])memory.Clone()));
        return builder.ToAnnotations();
    }
}
