using MlNetEmotion.Data;

namespace MlNetEmotion.Models.Mlp;

/// <summary>A trained multiclass MLP: adds Score (softmax probabilities, one per class) and PredictedLabel (key of the
/// most probable class; ties go to the lower key).</summary>
public sealed class MlpMulticlassTransformer : RowToRowTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    public MlpMulticlassTransformer(MlpNetwork network, string featureColumnName, IReadOnlyList<string> classNames)
    {
        Network = network;
        FeatureColumnName = featureColumnName;
        ClassNames = classNames;
    }

    /// <summary>The trained network.</summary>
    public MlpNetwork Network { get; }

    /// <summary>Feature column read.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Class names in key order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
    {
        context.Writer.Write(FeatureColumnName);
        context.Write(ClassNames);
        Network.Save(context);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    public static MlpMulticlassTransformer Load(ModelLoadContext context)
    {
        string features = context.Reader.ReadString();
        var classes = context.ReadStrings();
        return new MlpMulticlassTransformer(MlpNetwork.Load(context), features, classes);
    }

    private sealed class Mapper(MlpMulticlassTransformer parent, DataViewSchema schema)
        : MlpPredictionMapper(parent.Network, parent.FeatureColumnName, schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; } =
        [
            new(DefaultColumnNames.Score, new VectorDataViewType(NumberDataViewType.Single, parent.ClassNames.Count),
                DataViewSchema.Annotations.ForSlotNames(parent.ClassNames)),
            new(DefaultColumnNames.PredictedLabel, new KeyDataViewType(parent.ClassNames.Count),
                DataViewSchema.Annotations.ForKeyValues(parent.ClassNames)),
        ];

        protected override float[] Transform(float[] logits)
        {
            float max = logits.Max();
            var p = new float[logits.Length];
            double sum = 0;
            for (int i = 0; i < p.Length; i++) sum += p[i] = MathF.Exp(logits[i] - max);
            for (int i = 0; i < p.Length; i++) p[i] = (float)(p[i] / sum);
            return p;
        }

        protected override Delegate CreateGetter(PerRowCache<float[]> outputs, int outputIndex) => outputIndex == 0
            ? (ValueGetter<float[]>)((ref float[] value) => value = outputs.Get())
            : (ValueGetter<uint>)((ref uint value) =>
            {
                var p = outputs.Get();
                int best = 0;
                for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
                value = (uint)(best + 1);
            });
    }
}
