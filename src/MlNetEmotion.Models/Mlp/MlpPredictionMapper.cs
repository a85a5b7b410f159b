using MlNetEmotion.Data;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Models.Mlp;

/// <summary>Reads the feature column of a row and runs the network once per row; the output getters share the result.</summary>
internal abstract class MlpPredictionMapper : RowMapper
{
    private readonly MlpNetwork _network;
    private readonly DataViewSchema.Column _features;

    protected MlpPredictionMapper(MlpNetwork network, string featureColumnName, DataViewSchema schema) : base(schema)
    {
        _network = network;
        _features = ColumnChecks.RequireSingleOrSingleVector(schema, featureColumnName);
        if (ColumnChecks.SlotCount(_features.Type) != network.InputSize)
            throw new SchemaMismatchException(featureColumnName, $"{network.InputSize} features as when trained", _features.Type.ToString()!);
    }

    public override IEnumerable<DataViewSchema.Column> InputColumns => [_features];

    public override Delegate CreateGetter(DataViewRow input, int outputIndex)
    {
        var read = SingleColumnReader.Create(input, _features);
        var outputs = new PerRowCache<float[]>(input, () =>
        {
            var x = read();
            for (int j = 0; j < x.Length; j++)
                if (!float.IsFinite(x[j])) throw DataValidationException.NonFinite(_features.Name, input.Position, j, x[j]);
            return Transform(_network.Predict(x));
        });
        return CreateGetter(outputs, outputIndex);
    }

    /// <summary>Maps raw network outputs to the values the getters expose (e.g. softmax).</summary>
    protected abstract float[] Transform(float[] outputs);

    /// <summary>The getter of output <paramref name="outputIndex"/> from the per-row outputs.</summary>
    protected abstract Delegate CreateGetter(PerRowCache<float[]> outputs, int outputIndex);
}
