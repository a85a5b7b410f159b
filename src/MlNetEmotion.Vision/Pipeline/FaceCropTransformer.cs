using MlNetEmotion.Persistence;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Data;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Detects the largest face in every frame of an image column (Viola–Jones cascade), tracks it over the clip
/// and cuts square crops of a fixed size; optionally also writes the box used for each kept frame.</summary>
public sealed class FaceCropTransformer : RowMappingTransformerBase
{
    private readonly FaceTrackingOptions _tracking;
    private readonly Lazy<CascadeClassifier> _cascade;

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Image column of face crops produced.</param>
    /// <param name="inputColumnName">Image column of frames read.</param>
    /// <param name="options">Detection, tracking and crop settings; null for defaults.</param>
    /// <param name="boxesColumnName">Int32 vector column [kept frames, 4] of the boxes (x, y, width, height) the crops
    /// were cut around (before margin and squaring); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FaceCropTransformer(string outputColumnName, string inputColumnName, FaceCropOptions? options = null, string? boxesColumnName = null)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Options = options ?? new FaceCropOptions();
        BoxesColumnName = boxesColumnName;
        _tracking = Options.ToTrackingOptions();
        string? cascadePath = Options.CascadePath;
        _cascade = new Lazy<CascadeClassifier>(() => cascadePath is null ? CascadeClassifier.FrontalFaceDefault() : CascadeClassifier.Load(cascadePath));
    }

    /// <summary>The type of the boxes column: Int32 [frames, 4] holding x, y, width, height per kept frame.</summary>
    public static VectorDataViewType BoxesType { get; } = new(NumberDataViewType.Int32, 0, 4);

    /// <summary>Image column of face crops produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Image column of frames read.</summary>
    public string InputColumnName { get; }

    /// <summary>Detection, tracking and crop settings.</summary>
    public FaceCropOptions Options { get; }

    /// <summary>Box column produced, or null.</summary>
    public string? BoxesColumnName { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    /// <exception cref="SchemaMismatchException">The frame column is missing or not an image column.</exception>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        var frames = ImageSequenceColumn.Require(input, InputColumnName);
        var faces = frames.Renamed(OutputColumnName);
        return BoxesColumnName is null ? input.With(faces) : input.With(faces, SchemaShapes.Column(BoxesColumnName, BoxesType));
    }

    /// <summary>Tracks the face through <paramref name="frames"/> and crops it.</summary>
    /// <param name="frames">The clip.</param>
    /// <param name="source">Name used in errors when <paramref name="frames"/> has no <see cref="ImageSequence.Source"/>.</param>
    /// <returns>The crops with the timestamps of their frames, and the box of each.</returns>
    /// <exception cref="FaceNotFoundException">No kept frame: no face anywhere in the clip (names the file and frame count).</exception>
    public (ImageSequence Faces, BoundingBox[] Boxes) Crop(ImageSequence frames, string source)
    {
        ArgumentNullException.ThrowIfNull(frames);
        string name = frames.Source ?? source;
        var tracker = new FaceTracker(_cascade.Value, _tracking);
        var video = frames.Images.Select((image, i) => new VideoFrame(i, frames.Timestamps[i], Options.Grey ? image.ToGrey() : image));
        var crops = new List<Image<byte>>();
        var times = new List<double>();
        var boxes = new List<BoundingBox>();
        foreach (var tracked in tracker.Track(video, name))
        {
            crops.Add(FaceCropper.CropSquare(tracked.Frame.Image, tracked.Box, Options.Size, Options.Margin, Options.Interpolation));
            times.Add(tracked.Frame.TimestampSeconds);
            boxes.Add(tracked.Box);
        }
        return (new ImageSequence(crops, times) { Source = frames.Source }, [.. boxes]);
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var frames = ImageSequenceColumn.Require(inputSchema, InputColumnName);
        int channels = Options.Grey ? 1 : 3;
        return new Mapper(this, inputSchema, frames, ImageSequenceColumn.Annotations(new ImageShape(channels, Options.Size, Options.Size)));
    }

    /// <summary>One crop pass per row, shared by the faces and boxes getters.</summary>
    private sealed class Mapper(FaceCropTransformer owner, DataViewSchema schema, DataViewSchema.Column frames, DataViewSchema.Annotations shape)
        : RowMapper(schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; } = owner.BoxesColumnName is null
            ? [new(owner.OutputColumnName, ImageSequenceColumn.Type, shape)]
            : [new(owner.OutputColumnName, ImageSequenceColumn.Type, shape), new(owner.BoxesColumnName, BoxesType)];

        public override IEnumerable<DataViewSchema.Column> InputColumns => [frames];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var read = input.GetGetter<ImageSequence>(frames);
            var cache = new PerRowCache<(ImageSequence Faces, BoundingBox[] Boxes)>(input, () =>
            {
                ImageSequence value = null!;
                read(ref value);
                return owner.Crop(value, $"column '{frames.Name}', row {input.Position}");
            });
            if (outputIndex == 0) return (ValueGetter<ImageSequence>)((ref ImageSequence value) => value = cache.Get().Faces);
            return ValueReaders.CreateGetter(BoxesType, () => Flatten(cache.Get().Boxes));
        }

        private static int[] Flatten(BoundingBox[] boxes)
        {
            var flat = new int[boxes.Length * 4];
            for (int i = 0; i < boxes.Length; i++)
                (flat[4 * i], flat[4 * i + 1], flat[4 * i + 2], flat[4 * i + 3]) = (boxes[i].X, boxes[i].Y, boxes[i].Width, boxes[i].Height);
            return flat;
        }
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        Options.Write(context.Writer);
        context.Writer.Write(BoxesColumnName ?? "");
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static FaceCropTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        var options = FaceCropOptions.Read(context.Reader);
        string boxes = context.Reader.ReadString();
        return new FaceCropTransformer(output, input, options, boxes.Length == 0 ? null : boxes);
    }
}
