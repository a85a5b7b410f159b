using MlNetEmotion.Data;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.Pipeline;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Turns an EEG signal column into a float vector column of band-power topomaps, row-major
/// [frames, bands, H, W] (<see cref="BandTopomaps"/>); the frame count follows each row's duration.</summary>
public sealed class TopomapTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Vector column produced.</param>
    /// <param name="inputColumnName">Signal column read.</param>
    /// <param name="options">Montage, bands, frame rate, topomap options.</param>
    public TopomapTransformer(string outputColumnName, string inputColumnName, BandTopomapOptions options)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Maps = new BandTopomaps(options);
    }

    /// <summary>Vector column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Signal column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The topomap generator (options and cached interpolators).</summary>
    public BandTopomaps Maps { get; }

    /// <summary>The output column type: a float tensor [frames, bands, size, size] whose frame count (0 in the
    /// dimensions: unknown) follows each row's duration, so the vector's size varies by row.</summary>
    public VectorDataViewType OutputType => new(NumberDataViewType.Single, 0, Maps.Options.Bands.Count, Maps.Options.Topomap.Size, Maps.Options.Topomap.Size);

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
        return new ColumnMapper<EegSignal, float[]>(inputSchema, input, OutputColumnName, OutputType,
            (signal, _) => Maps.Compute(signal.ChannelNames, signal.Data, signal.SamplingRate).Maps);
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        var w = context.Writer;
        var o = Maps.Options;
        w.Write(OutputColumnName);
        w.Write(InputColumnName);
        w.Write(o.Montage);
        w.Write(o.Bands.Count);
        foreach (var band in o.Bands) { w.Write(band.Name); w.Write(band.Low); w.Write(band.High); }
        w.Write(o.FrameRate);
        w.Write(o.Overlap);
        w.Write((int)o.Scale);
        w.Write((int)o.Method);
        w.Write(o.MaxDegreeOfParallelism);
        var t = o.Topomap;
        w.Write((int)t.Projection);
        w.Write(t.Sphere.X); w.Write(t.Sphere.Y); w.Write(t.Sphere.Z); w.Write(t.Sphere.Radius);
        w.Write((int)t.Grid);
        w.Write((int)t.Extrapolation);
        w.Write(t.Border.HasValue);
        w.Write(t.Border ?? 0);
        w.Write((int)t.Interpolation);
        w.Write(t.Size);
        w.Write(t.FillValue);
        w.Write(t.MaskOutsideHead);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static TopomapTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString(), montage = r.ReadString();
        var bands = new FrequencyBand[context.ReadCount(minItemBytes: 17)]; // name (at least its length byte), low, high
        for (int i = 0; i < bands.Length; i++) bands[i] = new FrequencyBand(r.ReadString(), r.ReadDouble(), r.ReadDouble());
        double frameRate = r.ReadDouble(), overlap = r.ReadDouble();
        var scale = (BandPowerScale)r.ReadInt32();
        var method = (BandPowerMethod)r.ReadInt32();
        int parallelism = r.ReadInt32();
        var projection = (TopomapProjection)r.ReadInt32();
        var sphere = new HeadSphere(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var grid = (TopomapGridKind)r.ReadInt32();
        var extrapolation = (TopomapExtrapolation)r.ReadInt32();
        bool hasBorder = r.ReadBoolean();
        double border = r.ReadDouble();
        var topomap = new TopomapOptions
        {
            Projection = projection,
            Sphere = sphere,
            Grid = grid,
            Extrapolation = extrapolation,
            Border = hasBorder ? border : null,
            Interpolation = (TopomapInterpolation)r.ReadInt32(),
            Size = r.ReadInt32(),
            FillValue = r.ReadSingle(),
            MaskOutsideHead = r.ReadBoolean(),
        };
        return new TopomapTransformer(output, input, new BandTopomapOptions
        {
            Montage = montage, Bands = bands, FrameRate = frameRate, Overlap = overlap, Scale = scale, Method = method, MaxDegreeOfParallelism = parallelism, Topomap = topomap,
        });
    }
}
