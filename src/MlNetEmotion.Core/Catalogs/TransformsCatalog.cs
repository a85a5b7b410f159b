using MlNetEmotion.Transforms;

namespace MlNetEmotion;

/// <summary><c>ctx.Transforms</c>: general column transforms.</summary>
public sealed class TransformsCatalog
{
    internal TransformsCatalog(EmotionContext context)
    {
        Context = context;
        Conversion = new ConversionTransforms(context);
    }

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }

    /// <summary>Type and key conversions.</summary>
    public ConversionTransforms Conversion { get; }

    /// <summary>Concatenates numeric scalar and vector columns of one item type into <paramref name="outputColumnName"/>.</summary>
    public IEstimator<ColumnConcatenatingTransformer> Concatenate(string outputColumnName, params string[] inputColumnNames)
    {
        var t = new ColumnConcatenatingTransformer(outputColumnName, inputColumnNames);
        return new TrivialEstimator<ColumnConcatenatingTransformer>(t, t.GetOutputShape);
    }

    /// <summary>z-score normalisation per slot, statistics learned on the training rows: <c>(x - mean) / std</c>
    /// (population std; a constant slot is only shifted). With <paramref name="fixZero"/> only scales.</summary>
    /// <param name="outputColumnName">Column produced (Single or Single vector).</param>
    /// <param name="inputColumnName">Column read; defaults to <paramref name="outputColumnName"/>.</param>
    /// <param name="fixZero">Map zero to zero (scale only). Default false.</param>
    public NormalizingEstimator NormalizeMeanVariance(string outputColumnName, string? inputColumnName = null, bool fixZero = false) =>
        new(NormalizationMode.MeanVariance, fixZero, (outputColumnName, inputColumnName ?? outputColumnName));

    /// <summary>Min-max normalisation per slot to [0, 1], range learned on the training rows; with
    /// <paramref name="fixZero"/>, scales by the largest magnitude to [-1, 1].</summary>
    /// <param name="outputColumnName">Column produced (Single or Single vector).</param>
    /// <param name="inputColumnName">Column read; defaults to <paramref name="outputColumnName"/>.</param>
    /// <param name="fixZero">Map zero to zero. Default false.</param>
    public NormalizingEstimator NormalizeMinMax(string outputColumnName, string? inputColumnName = null, bool fixZero = false) =>
        new(NormalizationMode.MinMax, fixZero, (outputColumnName, inputColumnName ?? outputColumnName));

    /// <summary>A user-written row mapping from <typeparamref name="TSrc"/> members to <typeparamref name="TDst"/> members.</summary>
    /// <param name="mapAction">Fills the output object from the input object; must be pure.</param>
    /// <param name="contractName">Registry name needed to save the model (see <see cref="CustomMappingRegistry"/>).</param>
    public IEstimator<CustomMappingTransformer<TSrc, TDst>> CustomMapping<TSrc, TDst>(Action<TSrc, TDst> mapAction, string? contractName = null)
        where TSrc : class, new() where TDst : class, new()
    {
        var t = new CustomMappingTransformer<TSrc, TDst>(mapAction, contractName);
        return new TrivialEstimator<CustomMappingTransformer<TSrc, TDst>>(t, t.GetOutputShape);
    }

    /// <summary><c>ctx.Transforms.Conversion</c>: key mapping.</summary>
    public sealed class ConversionTransforms
    {
        internal ConversionTransforms(EmotionContext context) => Context = context;

        /// <summary>The owning context.</summary>
        public EmotionContext Context { get; }

        /// <summary>Maps the values of a column to class keys learned on the training rows.</summary>
        public ValueToKeyMappingEstimator MapValueToKey(string outputColumnName, string? inputColumnName = null,
            ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence) =>
            new(outputColumnName, inputColumnName, keyOrdinality);
    }
}
