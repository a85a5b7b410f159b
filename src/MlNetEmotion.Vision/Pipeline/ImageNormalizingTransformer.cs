using MlNetEmotion.Persistence;
using MlNetEmotion.Data;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Turns an image column of fixed-size images into a float tensor column [frames, C, H, W] (channel first,
/// frames varying by row), scaled by a <see cref="NormalizationKind"/>.</summary>
public sealed class ImageNormalizingTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Float tensor column produced.</param>
    /// <param name="inputColumnName">Image column read; its images must have a fixed size (after <c>Resize</c> or <c>DetectAndCropFaces</c>).</param>
    /// <param name="kind">Pixel scaling.</param>
    public ImageNormalizingTransformer(string outputColumnName, string inputColumnName, NormalizationKind kind)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown normalisation.");
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Kind = kind;
    }

    /// <summary>Float tensor column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Image column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Pixel scaling.</summary>
    public NormalizationKind Kind { get; }

    /// <summary>The output shape for an input shape (pre-flight check): a variable-size Single vector.</summary>
    /// <param name="input">Input shape.</param>
    /// <exception cref="SchemaMismatchException">The input column is missing or not an image column.</exception>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        ImageSequenceColumn.Require(input, InputColumnName);
        return input.With(SchemaShapes.Column(OutputColumnName, new VectorDataViewType(NumberDataViewType.Single)));
    }

    /// <summary>The tensor type for images of <paramref name="shape"/>: Single [0 (frames), C, H, W].</summary>
    public static VectorDataViewType TensorType(ImageShape shape) =>
        new(NumberDataViewType.Single, 0, shape.Channels, shape.Height, shape.Width);

    /// <inheritdoc />
    /// <exception cref="SchemaMismatchException">The column is missing, not an image column, of no fixed size, or not RGB
    /// for <see cref="NormalizationKind.ImageNet"/>.</exception>
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = ImageSequenceColumn.Require(inputSchema, InputColumnName);
        var shape = ImageSequenceColumn.GetShape(input);
        if (!shape.IsKnown)
            throw new SchemaMismatchException(InputColumnName, "images of one fixed size (put mlContext.Transforms.Vision.Resize or DetectAndCropFaces before Normalize)",
                $"images of size {shape}");
        if (Kind == NormalizationKind.ImageNet && shape.Channels != 3)
            throw new SchemaMismatchException(InputColumnName, "3-channel RGB images for ImageNet normalisation", $"images of size {shape}");
        return new ColumnMapper<ImageSequence, float[]>(inputSchema, input, OutputColumnName, TensorType(shape), (images, row) => ToTensor(images, shape, row));
    }

    private float[] ToTensor(ImageSequence images, ImageShape shape, long row)
    {
        int size = shape.Channels * shape.Height * shape.Width;
        var tensor = new float[images.Count * size];
        for (int i = 0; i < images.Count; i++)
        {
            var image = images.Images[i];
            if (image.Channels != shape.Channels || image.Height != shape.Height || image.Width != shape.Width)
                throw new DataValidationException(
                    $"Column '{InputColumnName}', row {row}, image {i}{(images.Source is { } s ? $" of '{s}'" : "")}: size {new ImageShape(image.Channels, image.Height, image.Width)}, expected {shape}.",
                    InputColumnName, row);
            ChannelFirstPixels.Write(image, Kind, tensor.AsSpan(i * size, size));
        }
        return tensor;
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write((int)Kind);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static ImageNormalizingTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        return new ImageNormalizingTransformer(output, input, (NormalizationKind)context.Reader.ReadInt32());
    }
}
