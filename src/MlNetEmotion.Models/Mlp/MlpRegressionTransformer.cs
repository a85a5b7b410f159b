using MlNetEmotion.Data;

namespace MlNetEmotion.Models.Mlp;

/// <summary>A trained regression MLP: adds Score, a Single (one target) or a Single vector (one slot per target).</summary>
public sealed class MlpRegressionTransformer : RowToRowTransformerBase
{
    private readonly DataViewSchema.Annotations _labelAnnotations;

    /// <summary>Creates the transformer.</summary>
    public MlpRegressionTransformer(MlpNetwork network, string featureColumnName, bool vectorScore, DataViewSchema.Annotations? labelAnnotations = null)
    {
        Network = network;
        FeatureColumnName = featureColumnName;
        VectorScore = vectorScore;
        _labelAnnotations = labelAnnotations ?? DataViewSchema.Annotations.Empty;
    }

    /// <summary>The trained network.</summary>
    public MlpNetwork Network { get; }

    /// <summary>Feature column read.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Whether Score is a vector (the label was) rather than a scalar.</summary>
    public bool VectorScore { get; }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
    {
        context.Writer.Write(FeatureColumnName);
        context.Writer.Write(VectorScore);
        context.Write(_labelAnnotations);
        Network.Save(context);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    public static MlpRegressionTransformer Load(ModelLoadContext context)
    {
        string features = context.Reader.ReadString();
        bool vector = context.Reader.ReadBoolean();
        var annotations = context.ReadAnnotations();
        return new MlpRegressionTransformer(MlpNetwork.Load(context), features, vector, annotations);
    }

    private sealed class Mapper(MlpRegressionTransformer parent, DataViewSchema schema)
        : MlpPredictionMapper(parent.Network, parent.FeatureColumnName, schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; } =
        [
            new(DefaultColumnNames.Score, parent.VectorScore
                ? new VectorDataViewType(NumberDataViewType.Single, parent.Network.OutputSize)
                : NumberDataViewType.Single, parent._labelAnnotations),
        ];

        protected override float[] Transform(float[] outputs) => outputs;

        protected override Delegate CreateGetter(PerRowCache<float[]> outputs, int outputIndex) => parent.VectorScore
            ? (ValueGetter<float[]>)((ref float[] value) => value = outputs.Get())
            : (ValueGetter<float>)((ref float value) => value = outputs.Get()[0]);
    }
}
