using System.Text;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Persistence;

namespace MlNetEmotion;

/// <summary>
/// Saving and loading fitted chains that mix this toolkit's steps with ML.NET's transforms and trainers, in one file.
/// ML.NET's own <c>Model.Save</c> cannot write a third-party step (its loader registration and save context are
/// internal to ML.NET), so the file is this toolkit's container: the input schema, then the chain's tree, where each
/// ML.NET transformer is stored in ML.NET's own model format (and loaded back by ML.NET) and each of this toolkit's
/// steps under its signature and format version. A loaded model predicts bit-identically.
/// </summary>
/// <remarks>
/// Binary format (little-endian, strings as length-prefixed UTF-8): magic <c>MLNEMO</c>; int32 container version (2);
/// int32 column count and per column: name, type, annotations; then one node. A node is a byte kind: 1 = step (string
/// signature, string assembly, int32 format version, int64 length, payload), 2 = ML.NET transformer (int64 length,
/// ML.NET model zip), 3 = chain (int32 count, then per member: int32 <see cref="TransformerScope"/>, node).
/// </remarks>
public static class ModelCatalogExtensions
{
    private static readonly byte[] Magic = "MLNEMO"u8.ToArray();
    private const int ContainerVersion = 2;

    /// <summary>Writes <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="filePath"/>
    /// atomically (a temporary file renamed into place).</summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="model">A fitted transformer or chain, ML.NET's, this toolkit's or mixed.</param>
    /// <param name="inputSchema">The schema of the data the model reads.</param>
    /// <param name="filePath">Destination file.</param>
    public static void SavePipeline(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        AtomicFile.Write(filePath, stream => catalog.SavePipeline(model, inputSchema, stream));
    }

    /// <summary>Writes <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="stream"/>.</summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="model">A fitted transformer or chain.</param>
    /// <param name="inputSchema">The schema of the data the model reads.</param>
    /// <param name="stream">Destination.</param>
    public static void SavePipeline(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(ContainerVersion);
        var visible = inputSchema.Where(c => !c.IsHidden && c.Type is not Data.ObjectDataViewType).ToArray();
        writer.Write(visible.Length);
        var context = new StepSaveContext(writer);
        foreach (var c in visible)
        {
            writer.Write(c.Name);
            context.Write(c.Type);
            context.Write(c.Annotations);
        }
        context.SaveModel(model);
    }

    /// <summary>Loads a model saved by <see cref="SavePipeline(ModelOperationsCatalog, ITransformer, DataViewSchema, string)"/>.</summary>
    /// <param name="catalog"><c>mlContext.Model</c>; ML.NET's parts load through it (so assemblies registered with its
    /// component catalog are found).</param>
    /// <param name="filePath">The file.</param>
    /// <param name="inputSchema">The schema of the data the model reads (columns of object type are not saved).</param>
    /// <exception cref="InvalidDataException">Not a model file, not a regular file, over <see cref="ReadLimits.MaxFileBytes"/>,
    /// truncated, or naming unknown steps or versions.</exception>
    public static ITransformer LoadPipeline(this ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema)
    {
        using var stream = InputFile.OpenRead(filePath, null, detail => new InvalidDataException($"{filePath}: {detail}"));
        return catalog.LoadPipeline(stream, out inputSchema, filePath);
    }

    /// <summary>Loads a model from a stream; <paramref name="source"/> names it in error messages.</summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="stream">The saved bytes.</param>
    /// <param name="inputSchema">The schema of the data the model reads.</param>
    /// <param name="source">Name of the stream in messages.</param>
    public static ITransformer LoadPipeline(this ModelOperationsCatalog catalog, Stream stream, out DataViewSchema inputSchema, string source = "model stream")
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException($"{source}: not an MlNetEmotion model file (bad magic).");
            int version = reader.ReadInt32();
            if (version != ContainerVersion)
                throw new InvalidDataException($"{source}: model container version {version}; this build reads version {ContainerVersion}.");
            var context = new StepLoadContext(reader, source, catalog);
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
        catch (Exception e) when (e is ArgumentException or OverflowException or InvalidCastException or FormatException or DecoderFallbackException)
        {
            // Values read from the file that a constructor or conversion rejects: the file is corrupt.
            throw new InvalidDataException($"{source}: the model file holds an invalid value ({e.Message}).", e);
        }
    }
}
