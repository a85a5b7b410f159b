using MlNetEmotion.Persistence;
using System.Globalization;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Data;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Reads the video or still image named in a text column into an <see cref="ImageSequence"/> of RGB frames.
/// Lazy: a file is decoded only when a cursor asks for the row's frames.</summary>
public sealed class ReadFramesTransformer : RowMappingTransformerBase
{
    private const string ExpectedInput = "Text (a video or image path)";

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Image column produced.</param>
    /// <param name="inputColumnName">Text column of file paths.</param>
    /// <param name="options">Which frames to keep; null for every frame of the whole video.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ReadFramesTransformer(string outputColumnName, string inputColumnName, FrameReadOptions? options = null)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Options = options ?? new FrameReadOptions();
        Sampling = Options.ToSampling();
    }

    /// <summary>Image column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Text column of file paths.</summary>
    public string InputColumnName { get; }

    /// <summary>Frame selection.</summary>
    public FrameReadOptions Options { get; }

    private FrameSampling Sampling { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    /// <exception cref="SchemaMismatchException">The path column is missing or not text.</exception>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, ExpectedInput, c => c.ItemType.Equals(TextDataViewType.Instance) && c.Kind == SchemaShape.Column.VectorKind.Scalar);
        return input.With(SchemaShapes.Column(OutputColumnName, ImageSequenceColumn.Type));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = Transforms.ColumnChecks.Require(inputSchema, InputColumnName, ExpectedInput, t => t.Equals(TextDataViewType.Instance));
        return new ColumnMapper<string, ImageSequence>(inputSchema, input, OutputColumnName, ImageSequenceColumn.Type,
            (path, _) => Read(path), ImageSequenceColumn.Annotations(new ImageShape(3, 0, 0)));
    }

    /// <summary>Reads the frames of one file.</summary>
    /// <param name="path">Video or still image.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaException">The file cannot be decoded or has no frame in the requested span (names the file).</exception>
    public ImageSequence Read(string path)
    {
        if (ImageLoader.IsStillImage(path)) return new ImageSequence([ImageLoader.LoadRgb(path)], [0.0]) { Source = path };
        var images = new List<Image<byte>>();
        var times = new List<double>();
        double end = Options.DurationSeconds is { } d ? Options.StartSeconds + d : double.PositiveInfinity;
        using (var reader = new VideoReader(path))
        {
            foreach (var frame in reader.ReadFrames(Sampling, Options.StartSeconds))
            {
                if (frame.TimestampSeconds >= end - 1e-9) break;
                images.Add(frame.Image);
                times.Add(frame.TimestampSeconds);
                if (images.Count == Options.MaxFrames) break;
            }
        }
        if (images.Count == 0)
            throw new MediaException(path, string.Create(CultureInfo.InvariantCulture,
                $"no frame selected ({Sampling}) from {Options.StartSeconds} s over {(Options.DurationSeconds is { } s ? s + " s" : "the rest of the video")}"));
        return new ImageSequence(images, times) { Source = path };
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
    public static ReadFramesTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        return new ReadFramesTransformer(output, input, FrameReadOptions.Read(context.Reader));
    }
}
