using MlNetEmotion.Persistence;
using MlNetEmotion.Data;
using MlNetEmotion.Transforms;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Vision.Features;

/// <summary>Turns per-face feature maps into the fixed-size rows of the face-sequence trainers: the kept frames' maps
/// padded to <c>[T, C, H, W]</c>, their labels as <c>[T, targets]</c> (the frames without a face are dropped from the
/// labels too, matched by timestamp), the valid length and the number of frames dropped for want of a face.</summary>
/// <remarks>Nothing is learned. The dropped count (<see cref="FaceSequenceAlignmentOptions.MissedFacesColumnName"/>)
/// is the per-clip report of frames without a face.</remarks>
public sealed class FaceSequenceAlignmentTransformer : RowMappingTransformerBase
{
    private const string MapsExpected = "feature maps, a Single vector of shape (0, C, H, W) (from mlContext.Transforms.Vision.FaceFeatureMaps)";
    private const string LabelExpected = "one Single label per frame (a Single vector)";

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Padded feature column produced, <c>[T, C, H, W]</c>.</param>
    /// <param name="inputColumnName">Feature-map column read, shape (0, C, H, W).</param>
    /// <param name="options">Length T, columns; null for defaults.</param>
    public FaceSequenceAlignmentTransformer(string outputColumnName, string inputColumnName, FaceSequenceAlignmentOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        Options = options ?? new FaceSequenceAlignmentOptions();
        Options.Validate();
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
    }

    /// <summary>Padded feature column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Feature-map column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Length and columns.</summary>
    public FaceSequenceAlignmentOptions Options { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    /// <exception cref="SchemaMismatchException">An input column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, MapsExpected, c => c.ItemType == NumberDataViewType.Single && c.Kind != SchemaShape.Column.VectorKind.Scalar);
        input.Require(Options.FacesColumnName, "an image sequence of face crops", c => c.ItemType.Equals(ImageSequenceColumn.Type));
        input.Require(Options.FramesColumnName, "an image sequence of frames", c => c.ItemType.Equals(ImageSequenceColumn.Type));
        foreach (var label in Options.LabelColumnNames)
            input.Require(label, LabelExpected, c => c.ItemType == NumberDataViewType.Single && c.Kind != SchemaShape.Column.VectorKind.Scalar);
        var vector = new VectorDataViewType(NumberDataViewType.Single, Options.Frames);
        return input.With(SchemaShapes.Column(OutputColumnName, vector), SchemaShapes.Column(Options.LabelColumnName, vector),
            SchemaShapes.Column(Options.LengthColumnName, NumberDataViewType.Int32), SchemaShapes.Column(Options.MissedFacesColumnName, NumberDataViewType.Int32));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var maps = ColumnChecks.Require(inputSchema, InputColumnName, MapsExpected,
            t => t is VectorDataViewType { Dimensions.Length: 4 } v && v.ItemType == NumberDataViewType.Single && v.Dimensions.Skip(1).All(d => d > 0));
        var faces = ColumnChecks.Require(inputSchema, Options.FacesColumnName, "an image sequence of face crops", t => t.Equals(ImageSequenceColumn.Type));
        var frames = ColumnChecks.Require(inputSchema, Options.FramesColumnName, "an image sequence of frames", t => t.Equals(ImageSequenceColumn.Type));
        var labels = Options.LabelColumnNames.Select(name => ColumnChecks.Require(inputSchema, name, LabelExpected,
            t => t is VectorDataViewType v && v.ItemType == NumberDataViewType.Single)).ToArray();
        return new Mapper(this, inputSchema, maps, faces, frames, labels);
    }

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
    public static FaceSequenceAlignmentTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        return new FaceSequenceAlignmentTransformer(output, input, FaceSequenceAlignmentOptions.Read(context.Reader));
    }

    /// <summary>One alignment per row, shared by the four getters.</summary>
    private sealed class Mapper : RowMapper
    {
        private readonly FaceSequenceAlignmentTransformer _owner;
        private readonly DataViewSchema.Column _maps, _faces, _frames;
        private readonly DataViewSchema.Column[] _labels;
        private readonly int _mapSize;

        public Mapper(FaceSequenceAlignmentTransformer owner, DataViewSchema schema, DataViewSchema.Column maps, DataViewSchema.Column faces,
            DataViewSchema.Column frames, DataViewSchema.Column[] labels) : base(schema)
        {
            (_owner, _maps, _faces, _frames, _labels) = (owner, maps, faces, frames, labels);
            var dims = ((VectorDataViewType)maps.Type).Dimensions;
            _mapSize = dims[1] * dims[2] * dims[3];
            int t = owner.Options.Frames;
            OutputColumns =
            [
                new(owner.OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, t, dims[1], dims[2], dims[3])),
                new(owner.Options.LabelColumnName, new VectorDataViewType(NumberDataViewType.Single, t, labels.Length)),
                new(owner.Options.LengthColumnName, NumberDataViewType.Int32),
                new(owner.Options.MissedFacesColumnName, NumberDataViewType.Int32),
            ];
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns => [_maps, _faces, _frames, .. _labels];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var maps = ValueReaders.Create<float[]>(input, _maps);
            var faces = input.GetGetter<ImageSequence>(_faces);
            var frames = input.GetGetter<ImageSequence>(_frames);
            var labels = _labels.Select(c => ValueReaders.Create<float[]>(input, c)).ToArray();
            var cache = new PerRowCache<FaceSequenceAlignment>(input, () =>
            {
                ImageSequence faceClip = null!, frameClip = null!;
                faces(ref faceClip);
                frames(ref frameClip);
                if (faceClip is null || frameClip is null)
                    throw new DataValidationException($"Row {input.Position}: the image sequence in '{(faceClip is null ? _faces.Name : _frames.Name)}' is missing.", null, input.Position);
                return FaceSequenceAlignment.Pad(maps(), _mapSize, faceClip.Timestamps, frameClip.Timestamps, [.. labels.Select(l => l())],
                    _owner.Options.Frames, input.Position, _owner.Options.LabelColumnNames);
            });
            return outputIndex switch
            {
                0 => ValueReaders.CreateGetter(OutputColumns[0].Type, () => cache.Get().Features),
                1 => ValueReaders.CreateGetter(OutputColumns[1].Type, () => cache.Get().Label),
                2 => (ValueGetter<int>)((ref int value) => value = cache.Get().Length),
                _ => (ValueGetter<int>)((ref int value) => value = cache.Get().MissedFaces),
            };
        }
    }
}
