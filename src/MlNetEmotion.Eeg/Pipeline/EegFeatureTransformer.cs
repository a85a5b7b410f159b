using MlNetEmotion.Data;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>
/// Computes an <see cref="EegFeature"/> from a signal column: a <see cref="BandFeatures"/> object column
/// (keeps the [windows, channels, bands] shape and channel names, for topomaps), or with
/// <see cref="AsVector"/> a float vector [windows · channels · bands] for trainers.
/// </summary>
public sealed class EegFeatureTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Feature column produced.</param>
    /// <param name="inputColumnName">Signal column read.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="asVector">True for a float vector column instead of <see cref="BandFeatures"/> objects.</param>
    public EegFeatureTransformer(string outputColumnName, string inputColumnName, EegFeature feature, bool asVector = false)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Feature = feature;
        AsVector = asVector;
    }

    /// <summary>Feature column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Signal column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The feature computed.</summary>
    public EegFeature Feature { get; }

    /// <summary>True when the output is a float vector.</summary>
    public bool AsVector { get; }

    private DataViewType OutputType => AsVector ? EegSignalColumn.FeatureVectorType : EegSignalColumn.FeaturesType;

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        EegSignalColumn.Require(input, InputColumnName);
        return input.With(SchemaShapes.Column(OutputColumnName, OutputType));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = EegSignalColumn.Require(inputSchema, InputColumnName);
        if (AsVector)
            return new ColumnMapper<EegSignal, float[]>(inputSchema, input, OutputColumnName, OutputType,
                (signal, _) => Array.ConvertAll(Compute(signal).Values, v => (float)v));
        return new ColumnMapper<EegSignal, BandFeatures>(inputSchema, input, OutputColumnName, OutputType, (signal, _) => Compute(signal));
    }

    private BandFeatures Compute(EegSignal signal) =>
        EegStepException.Guard(signal, Feature.GetType().Name, s => Feature.Compute(s).EnsureFinite());

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(AsVector);
        context.Writer.Write(Feature.GetType().Name);
        Feature.Write(context.Writer);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static EegFeatureTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        bool asVector = r.ReadBoolean();
        return new EegFeatureTransformer(output, input, EegFeature.Read(r.ReadString(), r), asVector);
    }
}
