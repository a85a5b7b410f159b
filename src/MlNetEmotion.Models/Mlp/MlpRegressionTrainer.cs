using MlNetEmotion.Neural;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Models.Mlp;

/// <summary>Regression MLP trainer: mean squared error on a Single label or a Single-vector label (several targets,
/// e.g. valence and arousal). Produces Score of the label's shape.</summary>
public sealed class MlpRegressionTrainer : IEstimator<MlpRegressionTransformer>
{
    private readonly EmotionContext _context;
    private readonly MlpRegressionOptions _options;
    private readonly int _seed;

    /// <summary>Creates the trainer; the seed is drawn from <paramref name="context"/> unless the options fix one.</summary>
    public MlpRegressionTrainer(EmotionContext context, MlpRegressionOptions options)
    {
        _context = context;
        _options = options;
        options.Validate();
        _seed = options.Seed ?? context.NextSeed();
    }

    /// <inheritdoc />
    public MlpRegressionTransformer Fit(IDataView input)
    {
        var labelColumn = ColumnChecks.RequireSingleOrSingleVector(input.Schema, _options.LabelColumnName);
        var (features, rows, width) = MlpFitter.ReadFeatures(input, _options.FeatureColumnName);
        var (targets, _, targetCount) = MlpFitter.ReadFeatures(input, _options.LabelColumnName);
        var network = new MlpNetwork(width, _options.HiddenSizes, targetCount, _options.Activation, _options.Dropout, _options.TanhOutput, _seed);
        MlpFitter.Train(_context, network, features, rows, _options, _seed, (outputs, batch) =>
        {
            var y = new float[batch.Length * targetCount];
            for (int i = 0; i < batch.Length; i++) targets.AsSpan(batch[i] * targetCount, targetCount).CopyTo(y.AsSpan(i * targetCount));
            return torch.nn.functional.mse_loss(outputs, torch.tensor(y, batch.Length, targetCount));
        });
        return new MlpRegressionTransformer(network, _options.FeatureColumnName, labelColumn.Type is VectorDataViewType, labelColumn.Annotations);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        inputSchema.Require(_options.FeatureColumnName, "Single or a known-size vector of Single", ColumnChecks.IsSingleOrSingleVector);
        var label = inputSchema.Require(_options.LabelColumnName, "Single or a known-size vector of Single", ColumnChecks.IsSingleOrSingleVector);
        return inputSchema.With(label with { Name = DefaultColumnNames.Score });
    }
}
