using MlNetEmotion.Data;
using MlNetEmotion.Eeg.Features;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>Column types of the EEG transforms.</summary>
public static class EegSignalColumn
{
    private const string ExpectedSignal = "an EEG signal (Object<EegSignal>, from mlContext.Transforms.Eeg.ReadEeg)";

    /// <summary>The type of a signal column (<see cref="EegSignal"/> objects).</summary>
    public static ObjectDataViewType SignalType { get; } = new(typeof(EegSignal));

    /// <summary>The type of a band-feature column (<see cref="BandFeatures"/> objects with channel names).</summary>
    public static ObjectDataViewType FeaturesType { get; } = new(typeof(BandFeatures));

    /// <summary>The type of a flattened band-feature column: float [windows · channels · bands], row-major; its size
    /// varies with each row's windows and channels.</summary>
    public static VectorDataViewType FeatureVectorType { get; } = new(NumberDataViewType.Single, 0);

    /// <summary>Checks that <paramref name="name"/> is a signal column.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="name">Column name.</param>
    /// <exception cref="SchemaMismatchException">Missing or of another type.</exception>
    public static DataViewSchema.Column Require(DataViewSchema schema, string name) =>
        Transforms.ColumnChecks.Require(schema, name, ExpectedSignal, t => t.Equals(SignalType));

    /// <summary>Shape-level check that <paramref name="name"/> is a signal column.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="name">Column name.</param>
    /// <exception cref="SchemaMismatchException">Missing or of another type.</exception>
    public static SchemaShape.Column Require(SchemaShape shape, string name) =>
        shape.Require(name, ExpectedSignal, c => c.Kind == SchemaShape.Column.VectorKind.Scalar && c.ItemType.Equals(SignalType));
}
