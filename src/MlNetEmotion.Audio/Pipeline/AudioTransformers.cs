using MlNetEmotion.Persistence;
using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Data;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Audio.Pipeline;

/// <summary>Reads the audio file named in a text column (WAV, raw PCM, anything ffmpeg decodes) into an audio column.</summary>
public sealed class ReadAudioTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Audio column produced.</param>
    /// <param name="inputColumnName">Text column of file paths.</param>
    /// <param name="options">Expected rate, mono mix-down, raw layout.</param>
    public ReadAudioTransformer(string outputColumnName, string inputColumnName, AudioReadOptions options)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Options = options;
    }

    /// <summary>Audio column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Text column of file paths.</summary>
    public string InputColumnName { get; }

    /// <summary>Read options.</summary>
    public AudioReadOptions Options { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, "Text (a file path)", c => c.ItemType.Equals(TextDataViewType.Instance) && c.Kind == SchemaShape.Column.VectorKind.Scalar);
        return input.With(SchemaShapes.Column(OutputColumnName, AudioColumns.AudioType));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = ColumnChecks.Require(inputSchema, InputColumnName, "Text (a file path)", t => t.Equals(TextDataViewType.Instance));
        return new ColumnMapper<string, AudioBuffer>(inputSchema, input, OutputColumnName, AudioColumns.AudioType,
            (path, _) => AudioFile.Read(path, Options));
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        var w = context.Writer;
        w.Write(OutputColumnName);
        w.Write(InputColumnName);
        w.Write(Options.SampleRate ?? 0);
        w.Write(Options.Mono);
        w.Write(Options.Raw);
        w.Write((int)Options.RawFormat);
        w.Write(Options.RawChannels);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static ReadAudioTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        int rate = r.ReadInt32();
        var options = new AudioReadOptions
        {
            SampleRate = rate == 0 ? null : rate, Mono = r.ReadBoolean(), Raw = r.ReadBoolean(),
            RawFormat = (AudioSampleFormat)r.ReadInt32(), RawChannels = r.ReadInt32(),
        };
        return new ReadAudioTransformer(output, input, options);
    }
}

/// <summary>What an <see cref="AudioWaveformTransformer"/> does to each row's audio.</summary>
public enum AudioWaveformStep
{
    /// <summary>Polyphase resampling to <see cref="AudioWaveformTransformer.Parameters"/>[0] Hz.</summary>
    Resample,

    /// <summary>Energy-based silence trimming: parameters top dB, frame length, hop length (mono audio).</summary>
    TrimSilence,
}

/// <summary>Maps an audio column to a new audio column: resampling or silence trimming.</summary>
public sealed class AudioWaveformTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Audio column produced.</param>
    /// <param name="inputColumnName">Audio column read.</param>
    /// <param name="step">The step.</param>
    /// <param name="parameters">The step's numbers (see <see cref="AudioWaveformStep"/>).</param>
    public AudioWaveformTransformer(string outputColumnName, string inputColumnName, AudioWaveformStep step, params double[] parameters)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Step = step;
        Parameters = parameters;
    }

    /// <summary>Audio column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Audio column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The step.</summary>
    public AudioWaveformStep Step { get; }

    /// <summary>The step's numbers.</summary>
    public IReadOnlyList<double> Parameters { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        AudioColumns.RequireAudio(input, InputColumnName);
        return input.With(SchemaShapes.Column(OutputColumnName, AudioColumns.AudioType));
    }

    /// <summary>Applies the step to one recording.</summary>
    /// <param name="audio">Input audio.</param>
    public AudioBuffer Apply(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (Step == AudioWaveformStep.Resample) return AudioResampler.Resample(audio, (int)Parameters[0]);
        var mono = audio.ToMono();
        var (start, end) = SilenceTrimmer.FindSpan(mono, Parameters[0], (int)Parameters[1], (int)Parameters[2]);
        if (end <= start)
            throw new ArgumentException($"The audio is silent throughout (every frame is more than {Parameters[0]} dB below the loudest); nothing is left after trimming.", nameof(audio));
        return new AudioBuffer(audio.Samples[(start * audio.Channels)..(end * audio.Channels)], audio.SampleRate, audio.Channels);
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new ColumnMapper<AudioBuffer, AudioBuffer>(inputSchema, AudioColumns.RequireAudio(inputSchema, InputColumnName), OutputColumnName,
            AudioColumns.AudioType, (audio, row) => Apply(audio ?? throw new DataValidationException($"Column '{InputColumnName}', row {row}: no audio (null).", InputColumnName, row)));

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write((int)Step);
        context.Write(Parameters.ToArray());
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static AudioWaveformTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        var step = (AudioWaveformStep)context.Reader.ReadInt32();
        return new AudioWaveformTransformer(output, input, step, context.ReadDoubles());
    }
}
