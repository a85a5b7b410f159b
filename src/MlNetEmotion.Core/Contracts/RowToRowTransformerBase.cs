using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary>Base of transformers that add columns computed from the same row: <see cref="Transform"/> is lazy.</summary>
public abstract class RowToRowTransformerBase : ITransformer
{
    /// <summary>Creates the mapper for rows of <paramref name="inputSchema"/>, checking the input columns.</summary>
    /// <exception cref="SchemaMismatchException">An input column is missing or of the wrong type.</exception>
    protected abstract RowMapper MakeRowMapper(DataViewSchema inputSchema);

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => MakeRowMapper(inputSchema).GetOutputSchema();

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new RowMappedDataView(input, MakeRowMapper(input.Schema));
    }

    /// <inheritdoc />
    public abstract void Save(ModelSaveContext context);
}

/// <summary>An estimator with nothing to learn: <see cref="Fit"/> only checks the schema and returns the transformer.</summary>
/// <typeparam name="TTransformer">The transformer returned.</typeparam>
public class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
{
    private readonly Func<SchemaShape, SchemaShape> _outputSchema;

    /// <summary>Wraps <paramref name="transformer"/>; <paramref name="outputSchema"/> does the pre-flight check.</summary>
    public TrivialEstimator(TTransformer transformer, Func<SchemaShape, SchemaShape> outputSchema)
    {
        Transformer = transformer;
        _outputSchema = outputSchema;
    }

    /// <summary>The transformer <see cref="Fit"/> returns.</summary>
    public TTransformer Transformer { get; }

    /// <inheritdoc />
    public TTransformer Fit(IDataView input)
    {
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _outputSchema(inputSchema);
}
