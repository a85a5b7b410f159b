using MlNetEmotion.Persistence;
using System.Collections.Concurrent;
using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Data;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Pipeline;

/// <summary>Which spectral feature a <see cref="SpectralFeatureTransformer"/> computes.</summary>
public enum SpectralFeatureKind
{
    /// <summary>MFCC, <c>[coefficients, frames]</c>.</summary>
    Mfcc,

    /// <summary>Log-mel spectrogram, <c>[mels, frames]</c>.</summary>
    LogMel,
}

/// <summary>Maps an audio column (mixed to mono) to a float32 feature column <c>[rows, frames]</c> (frames vary by
/// row). The audio's own sample rate replaces <see cref="SpectrogramOptions.SampleRate"/>.</summary>
public sealed class SpectralFeatureTransformer : RowMappingTransformerBase
{
    private readonly ConcurrentDictionary<int, Func<float[], Spectrogram>> _byRate = new();

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Feature column produced.</param>
    /// <param name="inputColumnName">Audio column read.</param>
    /// <param name="kind">MFCC or log-mel.</param>
    /// <param name="options">Feature settings; MFCC needs <see cref="MfccOptions"/>.</param>
    /// <exception cref="ArgumentException">MFCC was asked for with plain log-mel options.</exception>
    public SpectralFeatureTransformer(string outputColumnName, string inputColumnName, SpectralFeatureKind kind, LogMelOptions options)
    {
        if (kind == SpectralFeatureKind.Mfcc && options is not MfccOptions)
            throw new ArgumentException("MFCC features need MfccOptions.", nameof(options));
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Kind = kind;
        Options = options;
        // Validate the settings now rather than on the first row.
        Extractor(options.SampleRate);
    }

    /// <summary>Feature column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Audio column read.</summary>
    public string InputColumnName { get; }

    /// <summary>MFCC or log-mel.</summary>
    public SpectralFeatureKind Kind { get; }

    /// <summary>Feature settings.</summary>
    public LogMelOptions Options { get; }

    /// <summary>Rows of the output: coefficients or mel bands.</summary>
    public int Rows => Options is MfccOptions m && Kind == SpectralFeatureKind.Mfcc ? m.CoefficientCount : Options.MelCount;

    /// <summary>The output column type, <c>[Rows, 0]</c>.</summary>
    public VectorDataViewType OutputType => AudioColumns.FeatureType([Rows]);

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        AudioColumns.RequireAudio(input, InputColumnName);
        return input.With(SchemaShapes.Column(OutputColumnName, OutputType));
    }

    /// <summary>Computes the features of one recording (mixed to mono).</summary>
    /// <param name="audio">Input audio.</param>
    public Spectrogram Compute(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Extractor(audio.SampleRate)(audio.ToMono());
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new ColumnMapper<AudioBuffer, float[]>(inputSchema, AudioColumns.RequireAudio(inputSchema, InputColumnName), OutputColumnName, OutputType,
            (audio, row) => Compute(audio ?? throw new DataValidationException($"Column '{InputColumnName}', row {row}: no audio (null).", InputColumnName, row)).Data);

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write((int)Kind);
        FeatureOptionsFormat.Write(context.Writer, Options);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static SpectralFeatureTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        var kind = (SpectralFeatureKind)context.Reader.ReadInt32();
        return new SpectralFeatureTransformer(output, input, kind, FeatureOptionsFormat.Read(context.Reader));
    }

    private Func<float[], Spectrogram> Extractor(int sampleRate) => _byRate.GetOrAdd(sampleRate, rate =>
    {
        var options = Options with { SampleRate = rate };
        if (Kind == SpectralFeatureKind.Mfcc)
        {
            var mfcc = new MfccExtractor((MfccOptions)options);
            return x => mfcc.Compute(x);
        }
        var logMel = new LogMelExtractor(options);
        return x => logMel.Compute(x);
    });
}

/// <summary>Maps a feature column <c>[rows, frames]</c> to the image <c>[1 + order, rows, frames]</c> of static
/// features, deltas and (order 2) delta-deltas (<see cref="FeatureImage.WithDeltas"/>).</summary>
public sealed class DeltasTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Feature column produced.</param>
    /// <param name="inputColumnName">Two-dimensional feature column read.</param>
    /// <param name="order">1 (deltas) or 2 (deltas and delta-deltas).</param>
    /// <param name="width">Regression window, odd, at least 3.</param>
    public DeltasTransformer(string outputColumnName, string inputColumnName, int order, int width)
    {
        if (order is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(order), order, "The delta order must be 1 or 2.");
        if (width < 3) throw new ArgumentOutOfRangeException(nameof(width), width, "The delta window must be at least 3 frames.");
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Order = order;
        Width = width;
    }

    /// <summary>Feature column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Feature column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Delta order.</summary>
    public int Order { get; }

    /// <summary>Regression window.</summary>
    public int Width { get; }

    /// <summary>The output shape for an input shape (pre-flight check; the row count is checked when rows are read).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        var c = input.Require(InputColumnName, "a float32 feature vector [rows, frames]", c => c.ItemType.Equals(NumberDataViewType.Single) && c.Kind != SchemaShape.Column.VectorKind.Scalar);
        return input.With(AudioColumns.FeatureShape(OutputColumnName, c.Kind == SchemaShape.Column.VectorKind.Vector));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var type = AudioColumns.RequireFeatures(inputSchema, InputColumnName, out var column);
        if (type.Dimensions.Length != 2)
            throw new SchemaMismatchException(InputColumnName, "a two-dimensional feature vector [rows, frames]", type.ToString());
        int rows = type.Dimensions[0], frames = type.Dimensions[1];
        return new ColumnMapper<float[], float[]>(inputSchema, column, OutputColumnName, AudioColumns.FeatureType([Order + 1, rows], frames),
            (x, _) => FeatureImage.WithDeltas(new Spectrogram(rows, x.Length / rows, x), Order, Width).Data);
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(Order);
        context.Writer.Write(Width);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static DeltasTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        return new DeltasTransformer(output, input, context.Reader.ReadInt32(), context.Reader.ReadInt32());
    }
}

/// <summary>Crops or pads the last (frame) dimension of a feature column to a fixed count, so rows can be batched.</summary>
public sealed class FixLengthTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Feature column produced.</param>
    /// <param name="inputColumnName">Feature column read.</param>
    /// <param name="frames">Target frames, at least 1.</param>
    /// <param name="crop">Part kept when cropping.</param>
    /// <param name="padValue">Value appended when padding.</param>
    public FixLengthTransformer(string outputColumnName, string inputColumnName, int frames, CropPosition crop, float padValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Frames = frames;
        Crop = crop;
        PadValue = padValue;
    }

    /// <summary>Feature column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Feature column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Target frames.</summary>
    public int Frames { get; }

    /// <summary>Part kept when cropping.</summary>
    public CropPosition Crop { get; }

    /// <summary>Value appended when padding.</summary>
    public float PadValue { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        var c = input.Require(InputColumnName, "a float32 feature vector [..., frames]", c => c.ItemType.Equals(NumberDataViewType.Single) && c.Kind != SchemaShape.Column.VectorKind.Scalar);
        return input.With(AudioColumns.FeatureShape(OutputColumnName, knownSize: true));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var type = AudioColumns.RequireFeatures(inputSchema, InputColumnName, out var column);
        int rows = AudioColumns.LeadingSize(type);
        var output = AudioColumns.FeatureType(type.Dimensions.Take(type.Dimensions.Length - 1).ToArray(), Frames);
        return new ColumnMapper<float[], float[]>(inputSchema, column, OutputColumnName, output,
            (x, _) => FixLength.Apply(new Spectrogram(rows, x.Length / rows, x), Frames, Crop, PadValue).Data);
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(Frames);
        context.Writer.Write((int)Crop);
        context.Writer.Write(PadValue);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static FixLengthTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        return new FixLengthTransformer(output, input, r.ReadInt32(), (CropPosition)r.ReadInt32(), r.ReadSingle());
    }
}
