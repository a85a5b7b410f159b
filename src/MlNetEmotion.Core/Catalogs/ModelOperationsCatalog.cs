using System.Text;

namespace MlNetEmotion;

/// <summary><c>ctx.Model</c>: saving a fitted model with its input schema to one file, and loading it back.
/// A loaded model predicts bit-identically.</summary>
public sealed class ModelOperationsCatalog
{
    private static readonly byte[] Magic = "MLNEMO01"u8.ToArray();

    internal ModelOperationsCatalog(EmotionContext context) => Context = context;

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }

    /// <summary>Writes <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="filePath"/>
    /// atomically (a temporary file renamed into place).</summary>
    public void Save(ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        Core.IO.AtomicFile.Write(filePath, stream => Save(model, inputSchema, stream));
    }

    /// <summary>Writes <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="stream"/>.</summary>
    public void Save(ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        var visible = inputSchema.Where(c => !c.IsHidden && c.Type is not ObjectDataViewType).ToArray();
        writer.Write(visible.Length);
        var context = new ModelSaveContext(writer);
        foreach (var c in visible)
        {
            writer.Write(c.Name);
            context.Write(c.Type);
            context.Write(c.Annotations);
        }
        context.SaveModel(model);
    }

    /// <summary>Loads a model saved by <see cref="Save(ITransformer, DataViewSchema, string)"/>.</summary>
    /// <exception cref="InvalidDataException">Not a model file, truncated, or naming unknown types.</exception>
    public ITransformer Load(string filePath, out DataViewSchema inputSchema)
    {
        using var stream = File.OpenRead(filePath);
        return Load(stream, out inputSchema, filePath);
    }

    /// <summary>Loads a model from a stream; <paramref name="source"/> names it in error messages.</summary>
    public ITransformer Load(Stream stream, out DataViewSchema inputSchema, string source = "model stream")
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException($"{source}: not an MlNetEmotion model file (bad magic).");
            var context = new ModelLoadContext(reader, source);
            int count = reader.ReadInt32();
            if (count is < 0 or > 100_000) throw new InvalidDataException($"{source}: impossible column count {count}.");
            var builder = new DataViewSchema.Builder();
            for (int i = 0; i < count; i++) builder.AddColumn(reader.ReadString(), context.ReadType(), context.ReadAnnotations());
            inputSchema = builder.ToSchema();
            return context.LoadModel();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: the model file is truncated.", e);
        }
    }
}
