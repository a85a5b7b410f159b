using MlNetEmotion.Data;
using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>Reads the EEG file named in a text column into a signal column (voltage channels, one common rate).</summary>
public sealed class EegReadTransformer : RowToRowTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Signal column produced.</param>
    /// <param name="inputColumnName">Text column holding file paths.</param>
    /// <param name="options">How to open the files (rate for header-less formats, validation).</param>
    public EegReadTransformer(string outputColumnName, string inputColumnName, EegFileOptions? options = null)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Options = options ?? new EegFileOptions();
    }

    /// <summary>Signal column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Text column of file paths.</summary>
    public string InputColumnName { get; }

    /// <summary>File options.</summary>
    public EegFileOptions Options { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, "Text (a file path)", c => c.ItemType.Equals(TextDataViewType.Instance) && c.Kind == SchemaShape.VectorKind.Scalar);
        return input.With(SchemaShape.FromType(OutputColumnName, EegSignalColumn.SignalType));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = Transforms.ColumnChecks.Require(inputSchema, InputColumnName, "Text (a file path)", t => t.Equals(TextDataViewType.Instance));
        return new ColumnMapper<string, EegSignal>(inputSchema, input, OutputColumnName, EegSignalColumn.SignalType,
            (path, _) => EegSignal.FromRecording(EegFile.Read(path, Options)));
    }

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
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
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static EegReadTransformer Load(ModelLoadContext context)
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
        return new EegReadTransformer(output, input, options);
    }
}
