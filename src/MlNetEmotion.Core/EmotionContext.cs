namespace MlNetEmotion;

/// <summary>The one entry point of an experiment, like ML.NET's <c>MLContext</c>: holds the seed and offers the
/// catalogs of data operations, transforms, trainers and evaluators. Modality catalogs (<c>Eeg</c>, <c>Vision</c>,
/// <c>Audio</c>, <c>Models</c>) are added by their assemblies as extension properties.</summary>
public sealed class EmotionContext
{
    private readonly Random _seeds;

    /// <summary>Creates a context. With a seed every component draws its own seed from it in creation order, so the
    /// same code gives bit-identical results on the same machine; without one, runs differ.</summary>
    public EmotionContext(int? seed = null)
    {
        Seed = seed;
        _seeds = seed is int s ? new Random(s) : new Random();
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        MulticlassClassification = new MulticlassClassificationCatalog(this);
        Regression = new RegressionCatalog(this);
        Labels = new LabelsCatalog(this);
        Model = new ModelOperationsCatalog(this);
    }

    /// <summary>The seed given at construction, if any.</summary>
    public int? Seed { get; }

    /// <summary>Loading, caching, splitting and inspecting data views.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>General transforms: concatenation, normalisation, key mapping, custom mapping.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Multiclass trainers, evaluation and cross-validation.</summary>
    public MulticlassClassificationCatalog MulticlassClassification { get; }

    /// <summary>Regression trainers, evaluation and cross-validation.</summary>
    public RegressionCatalog Regression { get; }

    /// <summary>Emotion label mappings: the papers' three levels, binary splits.</summary>
    public LabelsCatalog Labels { get; }

    /// <summary>Saving and loading fitted models.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>Raised for log messages from any component.</summary>
    public event EventHandler<LoggingEventArgs>? Log;

    /// <summary>Raised as long operations advance (a console app can draw a progress bar from it).</summary>
    public event EventHandler<ProgressEventArgs>? Progress;

    /// <summary>Draws the next component seed.</summary>
    public int NextSeed()
    {
        lock (_seeds) return _seeds.Next();
    }

    /// <summary>Writes a log message.</summary>
    public void WriteLog(string source, string message) => Log?.Invoke(this, new LoggingEventArgs(source, message));

    /// <summary>Reports progress of a named stage.</summary>
    public void ReportProgress(string stage, long completed, long total) =>
        Progress?.Invoke(this, new ProgressEventArgs(stage, completed, total));
}

/// <summary>A log message.</summary>
/// <param name="Source">The component that wrote it.</param>
/// <param name="Message">The text.</param>
public sealed record LoggingEventArgs(string Source, string Message);

/// <summary>Progress of a long operation.</summary>
/// <param name="Stage">What is running, e.g. "Cross-validation fold 2/5" or "Mlp epoch".</param>
/// <param name="Completed">Units done.</param>
/// <param name="Total">Units in all.</param>
public sealed record ProgressEventArgs(string Stage, long Completed, long Total)
{
    /// <summary>Completed / Total in [0, 1].</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Completed / Total, 0, 1);
}
