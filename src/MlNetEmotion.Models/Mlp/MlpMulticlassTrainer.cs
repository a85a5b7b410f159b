using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Mlp;

/// <summary>Multiclass MLP trainer: softmax cross-entropy on a key label. Produces Score (class probabilities) and
/// PredictedLabel (the most probable class, with the label's class names).</summary>
public sealed class MlpMulticlassTrainer : IEstimator<MlpMulticlassTransformer>
{
    private readonly EmotionContext _context;
    private readonly MlpOptions _options;
    private readonly int _seed;

    /// <summary>Creates the trainer; the seed is drawn from <paramref name="context"/> unless the options fix one.</summary>
    public MlpMulticlassTrainer(EmotionContext context, MlpOptions options)
    {
        _context = context;
        _options = options;
        options.Validate();
        _seed = options.Seed ?? context.NextSeed();
    }

    /// <inheritdoc />
    public MlpMulticlassTransformer Fit(IDataView input)
    {
        var labelColumn = input.Schema.GetColumnOrNull(_options.LabelColumnName)
            ?? throw SchemaMismatchException.Missing(_options.LabelColumnName, "a key label column", input.Schema);
        if (labelColumn.Type is not KeyDataViewType key)
            throw new SchemaMismatchException(_options.LabelColumnName, "a key label column (map it with MapValueToKey or ctx.Labels)", labelColumn.Type.ToString()!);
        var (features, rows, width) = MlpFitter.ReadFeatures(input, _options.FeatureColumnName);
        var labels = input.GetColumn<uint>(_options.LabelColumnName).Select((l, i) => l == 0
            ? throw new DataValidationException($"Column '{_options.LabelColumnName}', row {i}: the label is missing (key 0).", _options.LabelColumnName, i)
            : (long)l - 1).ToArray();
        var classNames = KeyColumns.ClassNames(labelColumn);
        var counts = new int[key.Count];
        foreach (long l in labels) counts[l]++;
        int absent = Array.IndexOf(counts, 0);
        if (absent >= 0)
            throw new DataValidationException(
                $"Column '{_options.LabelColumnName}': class '{classNames[absent]}' (key {absent + 1} of {key.Count}) has no training rows; every class needs at least one.",
                _options.LabelColumnName);
        var network = new MlpNetwork(width, _options.HiddenSizes, key.Count, _options.Activation, _options.Dropout, tanhOutput: false, _seed);
        MlpFitter.Train(_context, network, features, rows, _options, _seed,
            (logits, batch) => torch.nn.functional.cross_entropy(logits, batch.Select(i => labels[i]).ToArray()));
        return new MlpMulticlassTransformer(network, _options.FeatureColumnName, classNames);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        inputSchema.Require(_options.FeatureColumnName, "Single or a known-size vector of Single", Transforms.ColumnChecks.IsSingleOrSingleVector);
        inputSchema.Require(_options.LabelColumnName, "a key label column", c => c.IsKey && c.Kind == SchemaShape.VectorKind.Scalar);
        return inputSchema.With(
            new SchemaShape.Column(DefaultColumnNames.Score, SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false),
            new SchemaShape.Column(DefaultColumnNames.PredictedLabel, SchemaShape.VectorKind.Scalar, new KeyDataViewType(1), true));
    }
}
