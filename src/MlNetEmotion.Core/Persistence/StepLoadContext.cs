using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace MlNetEmotion.Persistence;

/// <summary>Where a step reads the state written by its <see cref="ISavableStep.Save"/>, at the format
/// <see cref="Version"/> it was written with.</summary>
public sealed class StepLoadContext
{
    private static readonly ConcurrentDictionary<(string Assembly, string Signature), Type?> Types = new();
    private readonly ModelOperationsCatalog _models;

    internal StepLoadContext(BinaryReader reader, string source, ModelOperationsCatalog models, int version = 0)
    {
        Reader = reader;
        Source = source;
        _models = models;
        Version = version;
    }

    /// <summary>Binary reader positioned inside this step's entry.</summary>
    public BinaryReader Reader { get; }

    /// <summary>The file (or stream description) being read, for error messages.</summary>
    public string Source { get; }

    /// <summary>The format version the step was written with.</summary>
    public int Version { get; }

    /// <summary>Reads a nested transformer written by <see cref="StepSaveContext.SaveModel"/>.</summary>
    /// <exception cref="InvalidDataException">Unknown node, unknown step signature, unreadable version or inconsistent length.</exception>
    public ITransformer LoadModel()
    {
        var node = (PipelineNode)Reader.ReadByte();
        return node switch
        {
            PipelineNode.Step => LoadStep(),
            PipelineNode.MlNet => LoadMlNet(),
            PipelineNode.Chain => LoadChain(),
            _ => throw new InvalidDataException($"{Source}: unknown pipeline node {(byte)node} at offset {Reader.BaseStream.Position - 1}."),
        };
    }

    /// <summary>Reads an array of floats written by <see cref="StepSaveContext.Write(ReadOnlySpan{float})"/>.</summary>
    public float[] ReadSingles()
    {
        var values = new float[ReadCount(sizeof(float))];
        for (int i = 0; i < values.Length; i++) values[i] = Reader.ReadSingle();
        return values;
    }

    /// <summary>Reads an array of doubles.</summary>
    public double[] ReadDoubles()
    {
        var values = new double[ReadCount(sizeof(double))];
        for (int i = 0; i < values.Length; i++) values[i] = Reader.ReadDouble();
        return values;
    }

    /// <summary>Reads an array of strings.</summary>
    public string[] ReadStrings()
    {
        var values = new string[ReadCount(1)];
        for (int i = 0; i < values.Length; i++) values[i] = Reader.ReadString();
        return values;
    }

    /// <summary>Reads a column type.</summary>
    public DataViewType ReadType() => DataViewTypeFormat.Read(Reader, Source);

    /// <summary>Reads annotations written by <see cref="StepSaveContext.Write(DataViewSchema.Annotations)"/>.</summary>
    public DataViewSchema.Annotations ReadAnnotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        foreach (var kind in new[] { KeyColumns.KeyValues, KeyColumns.SlotNames })
            if (Reader.ReadBoolean()) builder.Add(KeyColumns.TextAnnotation(kind, ReadStrings()), _ => true);
        return builder.ToAnnotations();
    }

    private ITransformer LoadStep()
    {
        string signature = Reader.ReadString(), assembly = Reader.ReadString();
        int version = Reader.ReadInt32();
        var payload = ReadPayload(signature);
        var type = Resolve(assembly, signature);
        var format = type.GetCustomAttribute<StepFormatAttribute>();
        int newest = format?.Version ?? 1, oldest = format?.OldestReadableVersion ?? 1;
        if (version < oldest || version > newest)
            throw new InvalidDataException($"{Source}: step '{signature}' was written in format version {version}; this build reads versions {oldest} to {newest}.");
        var load = type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(StepLoadContext)])
            ?? throw new InvalidDataException($"{Source}: '{type.Name}' has no public static Load(StepLoadContext).");
        using var inner = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        try
        {
            return (ITransformer)load.Invoke(null, [new StepLoadContext(inner, Source, _models, version)])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"{Source}: loading step '{signature}' failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    private ITransformer LoadMlNet()
    {
        var payload = ReadPayload("ML.NET transformer");
        using var stream = new MemoryStream(payload);
        try
        {
            return _models.Load(stream, out _);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{Source}: ML.NET could not load an embedded transformer: {e.Message}", e);
        }
    }

    private ITransformer LoadChain()
    {
        int count = Reader.ReadInt32();
        if (count < 0 || count > Reader.BaseStream.Length - Reader.BaseStream.Position)
            throw new InvalidDataException($"{Source}: impossible chain length {count}.");
        var members = new ITransformer[count];
        var scopes = new TransformerScope[count];
        for (int i = 0; i < count; i++)
        {
            scopes[i] = (TransformerScope)Reader.ReadInt32();
            members[i] = LoadModel();
        }
        return new TransformerChain<ITransformer>(members, scopes);
    }

    private byte[] ReadPayload(string what)
    {
        long length = Reader.ReadInt64();
        long remaining = Reader.BaseStream.Length - Reader.BaseStream.Position;
        if (length < 0 || length > remaining)
            throw new InvalidDataException($"{Source}: entry for '{what}' claims {length} bytes but {remaining} remain.");
        return Reader.ReadBytes((int)length);
    }

    private Type Resolve(string assembly, string signature) =>
        Types.GetOrAdd((assembly, signature), key =>
        {
            Assembly loaded;
            try
            {
                loaded = Assembly.Load(key.Assembly);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return null;
            }
            return loaded.GetType(key.Signature, throwOnError: false) is { } byName && typeof(ISavableStep).IsAssignableFrom(byName)
                   && byName.GetCustomAttribute<StepFormatAttribute>() is null
                ? byName
                : loaded.GetTypes().FirstOrDefault(t => t.GetCustomAttribute<StepFormatAttribute>()?.Signature == key.Signature);
        }) ?? throw new InvalidDataException($"{Source}: step '{signature}' cannot be found in assembly '{assembly}'; is it referenced?");

    /// <summary>Reads a count written as an <see cref="int"/> before that many items, each at least
    /// <paramref name="minItemBytes"/> long; a count the bytes left cannot hold is refused before anything is allocated.</summary>
    /// <param name="minItemBytes">Fewest bytes one item takes.</param>
    /// <exception cref="InvalidDataException">The count is negative or larger than the rest of the step can hold.</exception>
    public int ReadCount(int minItemBytes) => ReadCount(Reader, minItemBytes, Source);

    /// <summary>Reads a count as <see cref="ReadCount(int)"/> does, from any reader over a seekable stream.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="minItemBytes">Fewest bytes one item takes.</param>
    /// <param name="source">Name of the model in messages.</param>
    /// <exception cref="InvalidDataException">The count is negative or larger than the rest of the stream can hold.</exception>
    public static int ReadCount(BinaryReader reader, int minItemBytes, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int n = reader.ReadInt32();
        long remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (n < 0 || (long)n * minItemBytes > remaining)
            throw new InvalidDataException($"{source}: count {n} at offset {reader.BaseStream.Position - 4} is impossible ({remaining} bytes remain).");
        return n;
    }
}
