using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Transforms;

/// <summary>Gives a <c>Single</c> vector column a known tensor shape, e.g. band powers of unknown length per recording to
/// <c>[32, 4]</c> so that ML.NET's trainers (which need a known size) and shape-aware networks accept them. Values keep
/// their row-major order; a row whose length is not the shape's size is a <see cref="DataValidationException"/> naming
/// the row.</summary>
public sealed class ReshapeTransformer : RowMappingTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Column produced.</param>
    /// <param name="inputColumnName">Single-vector column read.</param>
    /// <param name="dimensions">The shape, every dimension positive.</param>
    public ReshapeTransformer(string outputColumnName, string inputColumnName, IReadOnlyList<int> dimensions)
    {
        if (dimensions.Count == 0 || dimensions.Any(d => d < 1))
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"[{string.Join(", ", dimensions)}]: every dimension must be positive.");
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Dimensions = [.. dimensions];
    }

    /// <summary>Column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The shape.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    private VectorDataViewType OutputType => new(NumberDataViewType.Single, Dimensions.ToArray());

    internal SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, "a vector of Single", c => c.ItemType == NumberDataViewType.Single && c.Kind != SchemaShape.Column.VectorKind.Scalar);
        return input.With(SchemaShapes.Column(OutputColumnName, OutputType));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema)
    {
        var input = ColumnChecks.Require(inputSchema, InputColumnName, "a vector of Single",
            t => t is VectorDataViewType v && v.ItemType == NumberDataViewType.Single);
        int size = Dimensions.Aggregate(1, (a, b) => a * b);
        return new ColumnMapper<float[], float[]>(inputSchema, input, OutputColumnName, OutputType, (values, row) =>
            values.Length == size ? values : throw new DataValidationException(
                $"Column '{InputColumnName}', row {row}: {values.Length} values cannot take the shape [{string.Join(", ", Dimensions)}] ({size} values).", InputColumnName, row),
            input.Annotations);
    }

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(Dimensions.Count);
        foreach (int d in Dimensions) context.Writer.Write(d);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static ReshapeTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        int rank = r.ReadInt32();
        if (rank is < 1 or > 16) throw new InvalidDataException($"{context.Source}: reshape rank {rank} is impossible.");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = r.ReadInt32();
        return new ReshapeTransformer(output, input, dims);
    }
}
