using System.Reflection;
using System.Text;

namespace MlNetEmotion;

/// <summary>Where a transformer reads the state written by its <see cref="ITransformer.Save"/>. A loadable transformer
/// has <c>public static TSelf Load(ModelLoadContext context)</c>.</summary>
public sealed class ModelLoadContext
{
    internal ModelLoadContext(BinaryReader reader, string source)
    {
        Reader = reader;
        Source = source;
    }

    /// <summary>Binary reader positioned inside this transformer's entry.</summary>
    public BinaryReader Reader { get; }

    /// <summary>The file (or stream description) being read, for error messages.</summary>
    public string Source { get; }

    /// <summary>Reads a nested transformer written by <see cref="ModelSaveContext.SaveModel"/>.</summary>
    /// <exception cref="InvalidDataException">The entry names an unknown type or its length is inconsistent.</exception>
    public ITransformer LoadModel()
    {
        string typeName = Reader.ReadString();
        long length = Reader.ReadInt64();
        long remaining = Reader.BaseStream.Length - Reader.BaseStream.Position;
        if (length < 0 || length > remaining)
            throw new InvalidDataException($"{Source}: entry for '{typeName}' claims {length} bytes but {remaining} remain.");
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidDataException($"{Source}: transformer type '{typeName}' cannot be found; is its assembly referenced?");
        if (!typeof(ITransformer).IsAssignableFrom(type))
            throw new InvalidDataException($"{Source}: '{typeName}' is not a transformer.");
        var load = type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(ModelLoadContext)])
            ?? throw new InvalidDataException($"{Source}: '{type.Name}' has no public static Load(ModelLoadContext).");
        var payload = Reader.ReadBytes((int)length);
        using var inner = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        try
        {
            return (ITransformer)load.Invoke(null, [new ModelLoadContext(inner, Source)])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"{Source}: loading '{type.Name}' failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>Reads an array of floats written by <see cref="ModelSaveContext.Write(ReadOnlySpan{float})"/>.</summary>
    public float[] ReadSingles()
    {
        var values = new float[ReadLength()];
        for (int i = 0; i < values.Length; i++) values[i] = Reader.ReadSingle();
        return values;
    }

    /// <summary>Reads an array of doubles.</summary>
    public double[] ReadDoubles()
    {
        var values = new double[ReadLength()];
        for (int i = 0; i < values.Length; i++) values[i] = Reader.ReadDouble();
        return values;
    }

    /// <summary>Reads an array of strings.</summary>
    public string[] ReadStrings()
    {
        var values = new string[ReadLength()];
        for (int i = 0; i < values.Length; i++) values[i] = Reader.ReadString();
        return values;
    }

    /// <summary>Reads a column type.</summary>
    public DataViewType ReadType() => DataViewTypeFormat.Read(Reader, Source);

    /// <summary>Reads annotations written by <see cref="ModelSaveContext.Write(DataViewSchema.Annotations)"/>.</summary>
    public DataViewSchema.Annotations ReadAnnotations()
    {
        var values = new Dictionary<string, object>();
        foreach (var name in new[] { AnnotationNames.KeyValues, AnnotationNames.SlotNames })
            if (Reader.ReadBoolean()) values[name] = ReadStrings();
        return new DataViewSchema.Annotations(values);
    }

    private int ReadLength()
    {
        int n = Reader.ReadInt32();
        long remaining = Reader.BaseStream.Length - Reader.BaseStream.Position;
        if (n < 0 || n > remaining)
            throw new InvalidDataException($"{Source}: array length {n} at offset {Reader.BaseStream.Position - 4} is impossible ({remaining} bytes remain).");
        return n;
    }
}
