using MlNetEmotion.Persistence;
using MlNetEmotion.Data;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Applies an <see cref="ImageSequenceOperation"/> to every image of an image column, lazily, row by row.</summary>
public sealed class ImageSequenceTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Image column produced.</param>
    /// <param name="inputColumnName">Image column read.</param>
    /// <param name="operation">The step.</param>
    public ImageSequenceTransformer(string outputColumnName, string inputColumnName, ImageSequenceOperation operation)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
    }

    /// <summary>Image column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Image column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The step applied to each row.</summary>
    public ImageSequenceOperation Operation { get; }

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    /// <exception cref="SchemaMismatchException">The input column is missing or not an image column.</exception>
    public SchemaShape GetOutputShape(SchemaShape input) =>
        input.With(ImageSequenceColumn.Require(input, InputColumnName).Renamed(OutputColumnName));

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = ImageSequenceColumn.Require(inputSchema, InputColumnName);
        var shape = Operation.OutputShape(ImageSequenceColumn.GetShape(input));
        return new ColumnMapper<ImageSequence, ImageSequence>(inputSchema, input, OutputColumnName, ImageSequenceColumn.Type,
            Operation.Apply, ImageSequenceColumn.Annotations(shape));
    }

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
    public static ImageSequenceTransformer Load(StepLoadContext context)
    {
        string output = context.Reader.ReadString(), input = context.Reader.ReadString();
        return new ImageSequenceTransformer(output, input, ImageSequenceOperation.Read(context.Reader.ReadString(), context.Reader));
    }
}
