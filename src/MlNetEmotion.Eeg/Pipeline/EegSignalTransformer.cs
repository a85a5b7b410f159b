using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>Applies an <see cref="EegSignalOperation"/> to a signal column, lazily, row by row.</summary>
public sealed class EegSignalTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Signal column produced.</param>
    /// <param name="inputColumnName">Signal column read.</param>
    /// <param name="operation">The step.</param>
    public EegSignalTransformer(string outputColumnName, string inputColumnName, EegSignalOperation operation)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Operation = operation;
    }

    /// <summary>Signal column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Signal column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The step applied to each row.</summary>
    public EegSignalOperation Operation { get; }

    /// <summary>The output shape of the step for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    public SchemaShape GetOutputShape(SchemaShape input) =>
        input.With(EegSignalColumn.Require(input, InputColumnName).Renamed(OutputColumnName));

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new ColumnMapper<EegSignal, EegSignal>(inputSchema, EegSignalColumn.Require(inputSchema, InputColumnName), OutputColumnName,
            EegSignalColumn.SignalType, (signal, _) => EegStepException.Guard(signal, Operation.GetType().Name, Operation.Apply));

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(Operation.GetType().Name);
        Operation.Write(context.Writer);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static EegSignalTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString();
        string input = context.Reader.ReadString();
        return new EegSignalTransformer(output, input, EegSignalOperation.Read(context.Reader.ReadString(), context.Reader));
    }
}
