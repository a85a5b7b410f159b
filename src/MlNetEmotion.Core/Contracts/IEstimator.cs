namespace MlNetEmotion;

/// <summary>A fitted, pure step: maps a data view to a new, lazily computed one.</summary>
public interface ITransformer
{
    /// <summary>The schema <see cref="Transform"/> would produce from <paramref name="inputSchema"/>.</summary>
    /// <exception cref="SchemaMismatchException">An input column is missing or of the wrong type.</exception>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>Returns a lazy view of <paramref name="input"/> with this step's columns added.</summary>
    IDataView Transform(IDataView input);

    /// <summary>Writes the fitted state so that <see cref="ModelOperationsCatalog.Load(string, out DataViewSchema)"/>
    /// can recreate the transformer bit-identically.</summary>
    /// <exception cref="NotSupportedException">The transformer holds state that cannot be saved.</exception>
    void Save(ModelSaveContext context);
}

/// <summary>A step that learns from training rows (<see cref="Fit"/>) and returns the transformer it learned.</summary>
public interface IEstimator<out TTransformer> where TTransformer : ITransformer
{
    /// <summary>Learns from <paramref name="input"/> (training rows only) and returns the fitted transformer.</summary>
    TTransformer Fit(IDataView input);

    /// <summary>Pre-flight check: the shape of the output given the shape of the input, without touching data.</summary>
    /// <exception cref="SchemaMismatchException">An input column is missing or of the wrong type.</exception>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}

/// <summary>When a step in a chain applies. Training-only steps (augmentation) run while fitting but not when scoring.</summary>
[Flags]
public enum TransformerScope
{
    /// <summary>Never.</summary>
    None = 0,

    /// <summary>While fitting the chain on training rows.</summary>
    Training = 1,

    /// <summary>When transforming held-out rows for evaluation.</summary>
    Testing = 2,

    /// <summary>When scoring new rows.</summary>
    Scoring = 4,

    /// <summary>Testing and scoring.</summary>
    TrainTest = Training | Testing,

    /// <summary>Always (the default).</summary>
    Everything = Training | Testing | Scoring,
}
