namespace MlNetEmotion;

/// <summary>Options of <see cref="DataCatalogExtensions.CacheInParallel(DataOperationsCatalog, IDataView, CacheOptions)"/>.</summary>
public sealed class CacheOptions
{
    /// <summary>Columns to keep; null or empty for every visible column. Default null.</summary>
    public string[]? Columns { get; set; }

    /// <summary>Cursors computing rows at once; -1 for one per core. Default -1.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Stage name of the progress events. Default <c>Caching</c>.</summary>
    public string ProgressStage { get; set; } = "Caching";
}
