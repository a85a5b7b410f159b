using MlNetEmotion.Audio.IO;
using MlNetEmotion.Data;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Audio.Pipeline;

/// <summary>Column types used by the audio steps and their input checks.</summary>
public static class AudioColumns
{
    /// <summary>An audio column: one <see cref="AudioBuffer"/> per row.</summary>
    public static DataViewType AudioType { get; } = new ObjectDataViewType(typeof(AudioBuffer));

    /// <summary>A feature column of <paramref name="leading"/> fixed dimensions and a last dimension of frames
    /// (<paramref name="frames"/>, or 0 when it varies by row): float32, row-major.</summary>
    /// <param name="leading">Fixed leading dimensions, e.g. <c>[coefficients]</c> or <c>[channels, coefficients]</c>.</param>
    /// <param name="frames">Frames, or 0 for a per-row count.</param>
    public static VectorDataViewType FeatureType(IReadOnlyList<int> leading, int frames = 0) =>
        new(NumberDataViewType.Single, (int[])[.. leading, frames]);

    /// <summary>The shape of a float32 feature column: of a known size (every dimension fixed) or not.</summary>
    internal static SchemaShape.Column FeatureShape(string name, bool knownSize) =>
        SchemaShapes.Column(name, knownSize ? new VectorDataViewType(NumberDataViewType.Single, 1) : new VectorDataViewType(NumberDataViewType.Single));

    internal static DataViewSchema.Column RequireAudio(DataViewSchema schema, string name) =>
        ColumnChecks.Require(schema, name, "an audio column (ReadAudio output)", t => t.Equals(AudioType));

    internal static SchemaShape.Column RequireAudio(SchemaShape shape, string name) =>
        shape.Require(name, "an audio column (ReadAudio output)", c => c.ItemType.Equals(AudioType));

    internal static VectorDataViewType RequireFeatures(DataViewSchema schema, string name, out DataViewSchema.Column column)
    {
        column = ColumnChecks.Require(schema, name, "a float32 feature vector [..., frames] (Mfcc or LogMelSpectrogram output)",
            t => t is VectorDataViewType { ItemType: var item, Dimensions.Length: >= 2 } && item.Equals(NumberDataViewType.Single));
        return (VectorDataViewType)column.Type;
    }

    /// <summary>Rows (product of the leading dimensions) of a feature type.</summary>
    internal static int LeadingSize(VectorDataViewType type) => type.Dimensions.Take(type.Dimensions.Length - 1).Aggregate(1, (a, b) => a * b);
}
