using System.Reflection;
using System.Text;

namespace MlNetEmotion.Persistence;

/// <summary>Where a step writes its fitted state (little-endian, UTF-8 strings). Nested transformers — chain members,
/// a step wrapping another, ML.NET's own transformers — are written with <see cref="SaveModel"/>.</summary>
public sealed class StepSaveContext
{
    internal StepSaveContext(BinaryWriter writer) => Writer = writer;

    /// <summary>Binary writer positioned inside this step's entry.</summary>
    public BinaryWriter Writer { get; }

    /// <summary>The bytes <see cref="SaveModel"/> writes for <paramref name="transformer"/>: a stable identity of its
    /// options and learned state (used to key caches).</summary>
    /// <param name="transformer">Any savable transformer.</param>
    public static byte[] ToBytes(ITransformer transformer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            new StepSaveContext(writer).SaveModel(transformer);
        return buffer.ToArray();
    }

    /// <summary>Writes a nested transformer: this toolkit's step (signature, version, state), ML.NET's transformer
    /// (through ML.NET's own model format) or a chain of either (members and their scopes).</summary>
    /// <param name="transformer">The transformer.</param>
    /// <exception cref="NotSupportedException">Neither kind can save it.</exception>
    public void SaveModel(ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        switch (transformer)
        {
            case ISavableStep step: WriteStep(step); break;
            case var _ when IsChain(transformer): WriteChain(transformer); break;
            default: WriteMlNet(transformer); break;
        }
    }

    /// <summary>Writes an array of floats (length first).</summary>
    /// <param name="values">The values.</param>
    public void Write(ReadOnlySpan<float> values)
    {
        Writer.Write(values.Length);
        foreach (float v in values) Writer.Write(v);
    }

    /// <summary>Writes an array of doubles (length first).</summary>
    /// <param name="values">The values.</param>
    public void Write(ReadOnlySpan<double> values)
    {
        Writer.Write(values.Length);
        foreach (double v in values) Writer.Write(v);
    }

    /// <summary>Writes an array of strings (length first).</summary>
    /// <param name="values">The values.</param>
    public void Write(IReadOnlyList<string> values)
    {
        Writer.Write(values.Count);
        foreach (var v in values) Writer.Write(v);
    }

    /// <summary>Writes a column type.</summary>
    /// <param name="type">The type.</param>
    public void Write(DataViewType type) => DataViewTypeFormat.Write(Writer, type);

    /// <summary>Writes a column's annotations that can be saved (class names and slot names).</summary>
    /// <param name="annotations">The annotations.</param>
    public void Write(DataViewSchema.Annotations annotations)
    {
        foreach (var kind in new[] { KeyColumns.KeyValues, KeyColumns.SlotNames })
        {
            var values = KeyColumns.Texts(annotations, kind);
            Writer.Write(values is not null);
            if (values is not null) Write(values);
        }
    }

    /// <summary>The exception ML.NET's own <c>Model.Save</c> gets for a chain holding one of this toolkit's steps.</summary>
    /// <param name="type">The step's type.</param>
    public static NotSupportedException NotThroughMlNet(Type type) => new(
        $"{type.Name} is an MlNetEmotion step, which ML.NET's Model.Save cannot write (ML.NET keeps its loader registration " +
        "internal). Save the model with mlContext.Model.SavePipeline(model, inputSchema, path) and load it with " +
        "mlContext.Model.LoadPipeline(path, out schema); ML.NET's own transformers in the chain are saved in ML.NET's format inside that file.");

    private static bool IsChain(ITransformer transformer) =>
        transformer.GetType().IsGenericType && transformer.GetType().GetGenericTypeDefinition() == typeof(TransformerChain<>);

    private void WriteStep(ISavableStep step)
    {
        var type = step.GetType();
        var format = type.GetCustomAttribute<StepFormatAttribute>();
        using var buffer = new MemoryStream();
        using (var inner = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            step.Save(new StepSaveContext(inner));
        Writer.Write((byte)PipelineNode.Step);
        Writer.Write(format?.Signature ?? type.FullName!);
        Writer.Write(type.Assembly.GetName().Name!);
        Writer.Write(format?.Version ?? 1);
        Writer.Write(buffer.Length);
        Writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private void WriteChain(ITransformer chain)
    {
        var members = ((IEnumerable<ITransformer>)chain).ToArray();
        var scopes = ChainScopes.Of(chain, members);
        Writer.Write((byte)PipelineNode.Chain);
        Writer.Write(members.Length);
        for (int i = 0; i < members.Length; i++)
        {
            Writer.Write((int)scopes[i]);
            SaveModel(members[i]);
        }
    }

    private void WriteMlNet(ITransformer transformer)
    {
        using var buffer = new MemoryStream();
        new MLContext().Model.Save(transformer, null, buffer);
        Writer.Write((byte)PipelineNode.MlNet);
        Writer.Write(buffer.Length);
        Writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>The kinds of node in a saved pipeline.</summary>
internal enum PipelineNode : byte
{
    Step = 1,
    MlNet = 2,
    Chain = 3,
}

/// <summary>The scope of each member of an ML.NET <see cref="TransformerChain{TLastTransformer}"/>, recovered through
/// its public <see cref="TransformerChain{TLastTransformer}.GetModelFor"/> (the scopes themselves are private).</summary>
internal static class ChainScopes
{
    public static TransformerScope[] Of(ITransformer chain, ITransformer[] members)
    {
        var method = chain.GetType().GetMethod(nameof(TransformerChain<ITransformer>.GetModelFor))!;
        var scopes = new TransformerScope[members.Length];
        foreach (var scope in new[] { TransformerScope.Training, TransformerScope.Testing, TransformerScope.Scoring })
        {
            var kept = ((IEnumerable<ITransformer>)method.Invoke(chain, [scope])!).ToHashSet(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < members.Length; i++)
                if (kept.Contains(members[i])) scopes[i] |= scope;
        }
        return scopes;
    }
}
