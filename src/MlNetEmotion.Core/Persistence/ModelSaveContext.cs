using System.Text;

namespace MlNetEmotion;

/// <summary>Where a transformer writes its fitted state. Nested models (chain members, wrapped parameters) are
/// written with <see cref="SaveModel"/>.</summary>
public sealed class ModelSaveContext
{
    internal ModelSaveContext(BinaryWriter writer) => Writer = writer;

    /// <summary>The bytes <see cref="SaveModel"/> writes for <paramref name="transformer"/>: a stable identity of its
    /// options and learned state (used e.g. to key caches).</summary>
    public static byte[] ToBytes(ITransformer transformer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            new ModelSaveContext(writer).SaveModel(transformer);
        return buffer.ToArray();
    }

    /// <summary>Binary writer positioned inside this transformer's entry (little-endian, UTF-8 strings).</summary>
    public BinaryWriter Writer { get; }

    /// <summary>Writes a nested transformer: its type, then its own state.</summary>
    public void SaveModel(ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        var type = transformer.GetType();
        if (type.IsGenericType && type.GetGenericArguments().Any(a => !a.IsPublic && !a.IsNestedPublic))
            throw new NotSupportedException($"{type.Name} is generic over a non-public type and cannot be saved.");
        using var buffer = new MemoryStream();
        using (var inner = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            transformer.Save(new ModelSaveContext(inner));
        Writer.Write(TypeName(type));
        Writer.Write(buffer.Length);
        buffer.Position = 0;
        buffer.CopyTo(Writer.BaseStream);
    }

    /// <summary>Writes an array of floats (length first).</summary>
    public void Write(ReadOnlySpan<float> values)
    {
        Writer.Write(values.Length);
        foreach (float v in values) Writer.Write(v);
    }

    /// <summary>Writes an array of doubles (length first).</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        Writer.Write(values.Length);
        foreach (double v in values) Writer.Write(v);
    }

    /// <summary>Writes an array of strings (length first).</summary>
    public void Write(IReadOnlyList<string> values)
    {
        Writer.Write(values.Count);
        foreach (var v in values) Writer.Write(v);
    }

    /// <summary>Writes a column type.</summary>
    public void Write(DataViewType type) => DataViewTypeFormat.Write(Writer, type);

    /// <summary>Writes a column type's annotations that can be saved (class names and slot names).</summary>
    public void Write(DataViewSchema.Annotations annotations)
    {
        var names = new[] { AnnotationNames.KeyValues, AnnotationNames.SlotNames };
        foreach (var name in names)
        {
            bool has = annotations.TryGetValue<string[]>(name, out var values);
            Writer.Write(has);
            if (has) Write(values);
        }
    }

    internal static string TypeName(Type type) =>
        type.IsGenericType
            ? $"{type.GetGenericTypeDefinition().FullName}[{string.Join(",", type.GetGenericArguments().Select(a => $"[{TypeName(a)}]"))}], {type.Assembly.GetName().Name}"
            : $"{type.FullName}, {type.Assembly.GetName().Name}";
}
