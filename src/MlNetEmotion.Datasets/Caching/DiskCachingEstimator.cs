using Microsoft.ML.Runtime;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>Fits a step and wraps the fitted step in a <see cref="DiskCachingTransformer"/>.</summary>
/// <param name="environment">The ML.NET environment (logs).</param>
/// <param name="inner">The step whose output columns are cached.</param>
/// <param name="options">Where and whether to cache.</param>
public sealed class DiskCachingEstimator(IHostEnvironment environment, IEstimator<ITransformer> inner, DiskCacheOptions options)
    : IEstimator<DiskCachingTransformer>
{
    /// <inheritdoc />
    public DiskCachingTransformer Fit(IDataView input) => new(environment, inner.Fit(input), options);

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}

/// <summary><c>mlContext.Data.DiskCache(step)</c>: keep a step's expensive columns on disk between runs.</summary>
public static class DiskCacheCatalogExtensions
{
    /// <summary>Wraps <paramref name="step"/> so that its output columns are cached on disk, keyed by the toolkit
    /// version, the fitted step's state and each row's key columns. The cache location and size are logged on
    /// <see cref="MLContext.Log"/>; <see cref="DiskCacheOptions.Enabled"/> or the MLNETEMOTION_CACHE=0 environment
    /// variable turns it off.</summary>
    /// <param name="catalog"><c>mlContext.Data</c>.</param>
    /// <param name="step">The step whose output columns are cached.</param>
    /// <param name="options">Where and whether to cache; null for the defaults.</param>
    public static DiskCachingEstimator DiskCache(this DataOperationsCatalog catalog, IEstimator<ITransformer> step, DiskCacheOptions? options = null)
    {
        options ??= new DiskCacheOptions();
        var environment = CatalogEnvironment.Of(catalog);
        environment.WriteLog("DiskCache", DiskCacheInfo.Of(options.Directory).ToString());
        return new DiskCachingEstimator(environment, step, options);
    }
}
