using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Data;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>
/// A clip of frames or of face crops with each image's time in seconds from the start of its source;
/// a still image is a sequence of one at time 0. The value of every image column of the vision pipeline.
/// </summary>
/// <param name="Images">The images in time order (byte samples, HWC, 1 or 3 channels).</param>
/// <param name="Timestamps">Time of each image in seconds; as many as <paramref name="Images"/>.</param>
public sealed record ImageSequence(IReadOnlyList<Image<byte>> Images, IReadOnlyList<double> Timestamps)
{
    /// <summary>The images in time order.</summary>
    public IReadOnlyList<Image<byte>> Images { get; init; } = Images ?? throw new ArgumentNullException(nameof(Images));

    /// <summary>Time of each image in seconds; as many as <see cref="Images"/>.</summary>
    public IReadOnlyList<double> Timestamps { get; init; } = Timestamps?.Count == Images?.Count
        ? Timestamps ?? throw new ArgumentNullException(nameof(Timestamps))
        : throw new ArgumentException($"{Timestamps?.Count} timestamps for {Images?.Count} images; one per image is required.", nameof(Timestamps));

    /// <summary>Number of images.</summary>
    public int Count => Images.Count;

    /// <summary>The file the images come from (named in errors of later steps), or null when unknown.</summary>
    public string? Source { get; init; }
}

/// <summary>The column type of the vision steps.</summary>
public static class ImageSequenceColumn
{
    private const string Expected = "an image sequence (Object<ImageSequence>, from mlContext.Transforms.Vision.ReadFrames)";

    /// <summary>The type of an image column (<see cref="ImageSequence"/> objects), read and written by every <c>mlContext.Transforms.Vision</c> step.</summary>
    public static ObjectDataViewType Type { get; } = new(typeof(ImageSequence));

    /// <summary>Name of the annotation holding an image column's <see cref="ImageShape"/>: an Int32 vector of 3 values
    /// (channels, height, width; 0 where it varies).</summary>
    public const string ShapeAnnotation = "ImageShape";

    private static readonly VectorDataViewType ShapeAnnotationType = new(NumberDataViewType.Int32, 3);

    /// <summary>The <see cref="ImageShape"/> of <paramref name="column"/>; all zero when the column does not declare one.</summary>
    public static ImageShape GetShape(DataViewSchema.Column column)
    {
        var annotation = column.Annotations.Schema.GetColumnOrNull(ShapeAnnotation);
        if (annotation is null || !annotation.Value.Type.Equals(ShapeAnnotationType)) return default;
        var values = default(VBuffer<int>);
        column.Annotations.GetValue(ShapeAnnotation, ref values);
        var dims = VectorValues.ToDenseArray(values);
        return new ImageShape(dims[0], dims[1], dims[2]);
    }

    /// <summary>Annotations declaring <paramref name="shape"/>.</summary>
    public static DataViewSchema.Annotations Annotations(ImageShape shape)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(ShapeAnnotation, ShapeAnnotationType,
            (ref VBuffer<int> value) => VectorValues.Assign(ref value, [shape.Channels, shape.Height, shape.Width]));
        return builder.ToAnnotations();
    }

    /// <summary>Checks that <paramref name="name"/> is an image column.</summary>
    /// <exception cref="SchemaMismatchException">Missing or of another type.</exception>
    public static DataViewSchema.Column Require(DataViewSchema schema, string name) =>
        Transforms.ColumnChecks.Require(schema, name, Expected, t => t.Equals(Type));

    /// <summary>Shape-level check that <paramref name="name"/> is an image column.</summary>
    /// <exception cref="SchemaMismatchException">Missing or of another type.</exception>
    public static SchemaShape.Column Require(SchemaShape shape, string name) =>
        shape.Require(name, Expected, c => c.Kind == SchemaShape.Column.VectorKind.Scalar && c.ItemType.Equals(Type));
}
