using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion;

/// <summary>Base of this toolkit's transformers that add columns computed from the same row. An ML.NET
/// <see cref="ITransformer"/>: <see cref="Transform"/> is lazy, and <see cref="GetRowToRowMapper"/> serves ML.NET's
/// prediction engine and chains. Saved with <see cref="ModelCatalogExtensions.SavePipeline(ModelOperationsCatalog, ITransformer, DataViewSchema, string)"/>.</summary>
public abstract class RowMappingTransformerBase : ITransformer, ISavableStep
{
    /// <summary>Creates the mapper for rows of <paramref name="inputSchema"/>, checking the input columns.</summary>
    /// <param name="inputSchema">The schema of the rows to transform.</param>
    /// <exception cref="SchemaMismatchException">An input column is missing or of the wrong type.</exception>
    protected abstract RowMapper MakeRowMapper(DataViewSchema inputSchema);

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => MakeRowMapper(inputSchema).GetOutputSchema();

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new RowMappedDataView(input, MakeRowMapper(input.Schema));
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new RowMapperAdapter(MakeRowMapper(inputSchema));

    /// <inheritdoc />
    public abstract void Save(StepSaveContext context);

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw StepSaveContext.NotThroughMlNet(GetType());
}

/// <summary>An estimator with nothing to learn: <see cref="Fit"/> checks the schema and returns the transformer it was
/// made with.</summary>
/// <typeparam name="TTransformer">The transformer returned.</typeparam>
public sealed class StatelessEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
{
    private readonly Func<SchemaShape, SchemaShape> _outputSchema;

    /// <summary>Wraps <paramref name="transformer"/>; <paramref name="outputSchema"/> does the pre-flight check.</summary>
    /// <param name="transformer">The transformer <see cref="Fit"/> returns.</param>
    /// <param name="outputSchema">The shape of the output given the shape of the input.</param>
    public StatelessEstimator(TTransformer transformer, Func<SchemaShape, SchemaShape> outputSchema)
    {
        Transformer = transformer;
        _outputSchema = outputSchema;
    }

    /// <summary>The transformer <see cref="Fit"/> returns.</summary>
    public TTransformer Transformer { get; }

    /// <inheritdoc />
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _outputSchema(inputSchema);
}
