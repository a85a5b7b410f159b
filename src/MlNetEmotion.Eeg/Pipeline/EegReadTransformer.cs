using MlNetEmotion.Data;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>Reads the EEG file named in a text column into a signal column (voltage channels, one common rate).</summary>
public sealed class EegReadTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Signal column produced.</param>
    /// <param name="inputColumnName">Text column holding file paths.</param>
    /// <param name="options">How to open the files (rate for header-less formats, validation).</param>
    /// <param name="trialColumnName">Int32 column of 1-based trial numbers (a manifest's <c>EegTrialIndex</c>) selecting
    /// the trial of a multi-trial MAT-file (DEAP, EAV) per row; null to read whole files.</param>
    public EegReadTransformer(string outputColumnName, string inputColumnName, EegFileOptions? options = null, string? trialColumnName = null)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Options = options ?? new EegFileOptions();
        TrialColumnName = trialColumnName;
    }

    /// <summary>Signal column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Text column of file paths.</summary>
    public string InputColumnName { get; }

    /// <summary>File options.</summary>
    public EegFileOptions Options { get; }

    /// <summary>Int32 column of 1-based trial numbers into multi-trial files, or null.</summary>
    public string? TrialColumnName { get; }

    /// <summary>Subject files stay open across their trials' rows (two at a time: DEAP's are 100 MB each).</summary>
    private readonly MultiTrialFileCache _files = new(capacity: 2);

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, "Text (a file path)", c => c.ItemType.Equals(TextDataViewType.Instance) && c.Kind == SchemaShape.Column.VectorKind.Scalar);
        if (TrialColumnName is not null)
            input.Require(TrialColumnName, "Int32 (a 1-based trial number)", c => c.ItemType.Equals(NumberDataViewType.Int32) && c.Kind == SchemaShape.Column.VectorKind.Scalar);
        return input.With(SchemaShapes.Column(OutputColumnName, EegSignalColumn.SignalType));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = Transforms.ColumnChecks.Require(inputSchema, InputColumnName, "Text (a file path)", t => t.Equals(TextDataViewType.Instance));
        if (TrialColumnName is null)
            return new ColumnMapper<string, EegSignal>(inputSchema, input, OutputColumnName, EegSignalColumn.SignalType,
                (path, _) => EegSignal.FromRecording(EegFile.Read(path, Options)));
        var trial = Transforms.ColumnChecks.Require(inputSchema, TrialColumnName, "Int32 (a 1-based trial number)", t => t.Equals(NumberDataViewType.Int32));
        return new TrialReadMapper(inputSchema, input, trial, OutputColumnName, ReadTrial);
    }

    private EegSignal ReadTrial(string path, int trialNumber)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"EEG file '{path}' does not exist.", path);
        var file = _files.Get(path, p => MultiTrialMat.Read(p, Options));
        return EegSignal.FromRecording(Options.Read.Apply(EegFile.ReadTrial(file, path, trialNumber - 1)), $"{path}, trial {trialNumber}");
    }

    /// <summary>Reads (path, trial number) per row, once per row.</summary>
    private sealed class TrialReadMapper(DataViewSchema schema, DataViewSchema.Column path, DataViewSchema.Column trial,
        string outputColumnName, Func<string, int, EegSignal> read) : RowMapper(schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; } =
            [new DataViewSchema.DetachedColumn(outputColumnName, EegSignalColumn.SignalType)];

        public override IEnumerable<DataViewSchema.Column> InputColumns => [path, trial];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var readPath = ValueReaders.Create<string>(input, path);
            var readTrial = ValueReaders.Create<int>(input, trial);
            var cache = new PerRowCache<EegSignal>(input, () => read(readPath(), readTrial()));
            return (ValueGetter<EegSignal>)((ref EegSignal value) => value = cache.Get());
        }
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(Options.SamplingRate ?? double.NaN);
        context.Writer.Write(Options.Unit);
        context.Writer.Write(Options.Variable ?? "");
        context.Writer.Write(Options.Trial ?? -1);
        context.Writer.Write(Options.Read.Validate);
        context.Writer.Write(Options.Read.RequireCommonSamplingRate);
        context.Write(Options.ChannelNames ?? []);
        context.Writer.Write(TrialColumnName ?? "");
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static EegReadTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        double rate = r.ReadDouble();
        var options = new EegFileOptions { SamplingRate = double.IsNaN(rate) ? null : rate, Unit = r.ReadString() };
        string variable = r.ReadString();
        options.Variable = variable.Length == 0 ? null : variable;
        int trial = r.ReadInt32();
        options.Trial = trial < 0 ? null : trial;
        options.Read.Validate = r.ReadBoolean();
        options.Read.RequireCommonSamplingRate = r.ReadBoolean();
        var names = context.ReadStrings();
        options.ChannelNames = names.Length == 0 ? null : names;
        string trialColumn = r.ReadString();
        return new EegReadTransformer(output, input, options, trialColumn.Length == 0 ? null : trialColumn);
    }
}
