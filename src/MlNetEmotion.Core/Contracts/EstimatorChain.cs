using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary>Estimators fitted one after another: each is fitted on the output of the previous fitted steps, so
/// statistics are learned from the training rows only.</summary>
/// <typeparam name="TLastTransformer">Type of the transformer the last estimator produces.</typeparam>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly TransformerScope[] _scopes;
    private readonly bool[] _cacheAfter;

    /// <summary>An empty chain.</summary>
    public EstimatorChain() : this([], [], []) { }

    private EstimatorChain(IEstimator<ITransformer>[] estimators, TransformerScope[] scopes, bool[] cacheAfter)
    {
        _estimators = estimators;
        _scopes = scopes;
        _cacheAfter = cacheAfter;
    }

    /// <summary>The estimators in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>A new chain with <paramref name="estimator"/> appended.</summary>
    public EstimatorChain<TNewLast> Append<TNewLast>(IEstimator<TNewLast> estimator, TransformerScope scope = TransformerScope.Everything)
        where TNewLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewLast>([.. _estimators, (IEstimator<ITransformer>)estimator], [.. _scopes, scope], [.. _cacheAfter, false]);
    }

    /// <summary>A new chain that keeps the data produced so far in memory during <see cref="Fit"/>, so the steps
    /// after the checkpoint (e.g. a trainer making many passes) do not recompute it.</summary>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(EmotionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_estimators.Length == 0) return this;
        var cache = (bool[])_cacheAfter.Clone();
        cache[^1] = true;
        return new EstimatorChain<TLastTransformer>(_estimators, _scopes, cache);
    }

    /// <inheritdoc />
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var data = input;
        var transformers = new ITransformer[_estimators.Length];
        for (int i = 0; i < _estimators.Length; i++)
        {
            transformers[i] = _estimators[i].Fit(data);
            if (i < _estimators.Length - 1)
            {
                data = transformers[i].Transform(data);
                if (_cacheAfter[i]) data = data.ToInMemory();
            }
        }
        return new TransformerChain<TLastTransformer>(transformers, _scopes);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var shape = inputSchema;
        foreach (var e in _estimators) shape = e.GetOutputSchema(shape);
        return shape;
    }
}

/// <summary>Chaining for any estimator: <c>a.Append(b)</c> starts an <see cref="EstimatorChain{TLastTransformer}"/>.</summary>
public static class EstimatorExtensions
{
    /// <summary>A chain of <paramref name="start"/> followed by <paramref name="estimator"/>.</summary>
    public static EstimatorChain<TNew> Append<TNew>(this IEstimator<ITransformer> start, IEstimator<TNew> estimator,
        TransformerScope scope = TransformerScope.Everything) where TNew : class, ITransformer =>
        start is EstimatorChain<ITransformer> chain && chain.Estimators.Count == 0
            ? chain.Append(estimator, scope)
            : new EstimatorChain<ITransformer>().Append(start).Append(estimator, scope);

    /// <summary>A chain of <paramref name="start"/> whose output is cached in memory while fitting.</summary>
    public static EstimatorChain<ITransformer> AppendCacheCheckpoint(this IEstimator<ITransformer> start, EmotionContext context) =>
        new EstimatorChain<ITransformer>().Append(start).AppendCacheCheckpoint(context);
}
