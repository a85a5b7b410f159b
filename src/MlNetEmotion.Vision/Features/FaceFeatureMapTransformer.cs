using MlNetEmotion.Persistence;
using MlNetEmotion.Data;
using MlNetEmotion.Transforms;
using MlNetEmotion.Vision.Expression;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Vision.Features;

/// <summary>Runs a frozen CNN without its fully connected layers over every face crop of an <see cref="ImageSequence"/>
/// column and writes each frame's spatial feature map: a Single vector <c>[frames, C, H, W]</c> (shape (0, C, H, W)).
/// The backbone is face-api's expression network by default, or any ONNX model (<see cref="FaceFeatureMapOptions"/>).</summary>
/// <remarks>Nothing is learned: the network is loaded once per transformer, when first used. A clip with no faces
/// gives an empty vector.</remarks>
public sealed class FaceFeatureMapTransformer : RowMappingTransformerBase
{
    private const string Expected = "an image sequence of face crops (Object<ImageSequence>)";
    private readonly Lazy<IFaceFeatureBackbone> _backbone;

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Feature-map column produced.</param>
    /// <param name="inputColumnName">Image-sequence column of face crops read.</param>
    /// <param name="options">Backbone and layer; null for defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FaceFeatureMapTransformer(string outputColumnName, string inputColumnName, FaceFeatureMapOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        Options = options ?? new FaceFeatureMapOptions();
        Options.Validate();
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        var o = Options;
        _backbone = new Lazy<IFaceFeatureBackbone>(() => o.Backbone == FaceFeatureBackbone.Onnx
            ? new OnnxFeatureBackbone(o.OnnxModelPath!, o.OnnxInputName, o.OnnxOutputName, o.OnnxInputSize, o.PoolSize, o.OnnxPreprocessModelPath)
            : new FaceApiFeatureBackbone(o.WeightsManifestPath is null ? FaceExpressionNet.LoadPretrained() : FaceExpressionNet.Load(o.WeightsManifestPath),
                o.Stage, o.PoolSize));
        int side = FaceExpressionNet.MapShape(o.Stage).Side;
        if (o.Backbone == FaceFeatureBackbone.FaceApiExpression && side % o.PoolSize != 0)
            throw new ArgumentOutOfRangeException(nameof(options), o.PoolSize, $"FaceFeatureMapOptions.PoolSize must divide the stage-{o.Stage} map side {side}.");
    }

    /// <summary>Feature-map column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Image-sequence column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Backbone and layer.</summary>
    public FaceFeatureMapOptions Options { get; }

    /// <summary>Shape of one frame's map (loads the backbone).</summary>
    public (int Channels, int Height, int Width) MapShape => _backbone.Value.MapShape;

    /// <summary>The output column type: Single, shape (0, C, H, W).</summary>
    public VectorDataViewType OutputType => new(NumberDataViewType.Single, 0, MapShape.Channels, MapShape.Height, MapShape.Width);

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    /// <exception cref="SchemaMismatchException">The input column is missing or not an image sequence.</exception>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, Expected, c => c.ItemType.Equals(ImageSequenceColumn.Type));
        return input.With(SchemaShapes.Column(OutputColumnName, OutputType));
    }

    /// <summary>The maps of one clip, frame-major.</summary>
    /// <param name="faces">The clip's face crops.</param>
    /// <returns>frames · C · H · W values.</returns>
    public float[] Compute(ImageSequence faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var (c, h, w) = MapShape;
        var values = new float[faces.Count * c * h * w];
        _backbone.Value.Compute(faces.Images, values);
        return values;
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new Mapper(this, inputSchema, ColumnChecks.Require(inputSchema, InputColumnName, Expected, t => t.Equals(ImageSequenceColumn.Type)));

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        Options.Write(context.Writer);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    /// <returns>The transformer.</returns>
    public static FaceFeatureMapTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        return new FaceFeatureMapTransformer(output, input, FaceFeatureMapOptions.Read(context.Reader));
    }

    private sealed class Mapper(FaceFeatureMapTransformer owner, DataViewSchema schema, DataViewSchema.Column input) : RowMapper(schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; } = [new(owner.OutputColumnName, owner.OutputType)];

        public override IEnumerable<DataViewSchema.Column> InputColumns => [input];

        public override Delegate CreateGetter(DataViewRow row, int outputIndex)
        {
            var read = row.GetGetter<ImageSequence>(input);
            return ValueReaders.CreateGetter(owner.OutputType, () =>
            {
                ImageSequence clip = null!;
                read(ref clip);
                if (clip is null) throw new DataValidationException($"Column '{input.Name}', row {row.Position}: the image sequence is missing.", input.Name, row.Position);
                return owner.Compute(clip);
            });
        }
    }
}
