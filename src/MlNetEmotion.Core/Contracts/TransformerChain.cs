using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary>Fitted steps applied one after another. <see cref="Transform"/> applies the steps whose scope includes
/// testing or scoring; training-only steps (augmentation) are skipped, so held-out rows are never augmented.</summary>
/// <typeparam name="TLastTransformer">Type of the last step, e.g. a prediction transformer.</typeparam>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;
    private readonly TransformerScope[] _scopes;

    /// <summary>Creates a chain from steps and their scopes.</summary>
    public TransformerChain(IReadOnlyList<ITransformer> transformers, IReadOnlyList<TransformerScope> scopes)
    {
        if (transformers.Count != scopes.Count) throw new ArgumentException("One scope per transformer is required.", nameof(scopes));
        _transformers = transformers.ToArray();
        _scopes = scopes.ToArray();
    }

    /// <summary>The last step (e.g. the trained model), or null for an empty chain.</summary>
    public TLastTransformer? LastTransformer => _transformers.Length == 0 ? null : (TLastTransformer)_transformers[^1];

    /// <summary>The scopes of the steps.</summary>
    public IReadOnlyList<TransformerScope> Scopes => _scopes;

    /// <summary>The chain restricted to the steps that apply in <paramref name="scope"/>.</summary>
    public TransformerChain<ITransformer> GetModelFor(TransformerScope scope)
    {
        var keep = Enumerable.Range(0, _transformers.Length).Where(i => (_scopes[i] & scope) != 0).ToArray();
        return new TransformerChain<ITransformer>(keep.Select(i => _transformers[i]).ToArray(), keep.Select(i => _scopes[i]).ToArray());
    }

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        var schema = inputSchema;
        for (int i = 0; i < _transformers.Length; i++)
            if (AppliesOutsideTraining(i)) schema = _transformers[i].GetOutputSchema(schema);
        return schema;
    }

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        var data = input;
        for (int i = 0; i < _transformers.Length; i++)
            if (AppliesOutsideTraining(i)) data = _transformers[i].Transform(data);
        return data;
    }

    /// <inheritdoc />
    public void Save(ModelSaveContext context)
    {
        context.Writer.Write(_transformers.Length);
        for (int i = 0; i < _transformers.Length; i++)
        {
            context.Writer.Write((int)_scopes[i]);
            context.SaveModel(_transformers[i]);
        }
    }

    /// <summary>Reads a chain written by <see cref="Save"/>.</summary>
    public static TransformerChain<TLastTransformer> Load(ModelLoadContext context)
    {
        int count = context.Reader.ReadInt32();
        if (count < 0) throw new InvalidDataException($"{context.Source}: chain length {count} is negative.");
        var transformers = new ITransformer[count];
        var scopes = new TransformerScope[count];
        for (int i = 0; i < count; i++)
        {
            scopes[i] = (TransformerScope)context.Reader.ReadInt32();
            transformers[i] = context.LoadModel();
        }
        return new TransformerChain<TLastTransformer>(transformers, scopes);
    }

    /// <inheritdoc />
    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private bool AppliesOutsideTraining(int i) => (_scopes[i] & (TransformerScope.Testing | TransformerScope.Scoring)) != 0;
}
