namespace MlNetEmotion.Datasets.Caching;

/// <summary>Fits a step and wraps the fitted step in a <see cref="DiskCachingTransformer"/>.</summary>
public sealed class DiskCachingEstimator(EmotionContext context, IEstimator<ITransformer> inner, DiskCacheOptions options)
    : IEstimator<DiskCachingTransformer>
{
    /// <inheritdoc />
    public DiskCachingTransformer Fit(IDataView input) => new(context, inner.Fit(input), options);

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}

/// <summary><c>ctx.Data.DiskCache(step)</c>: keep a step's expensive columns on disk between runs.</summary>
public static class DiskCacheCatalogExtensions
{
    /// <summary>Wraps <paramref name="step"/> so that its output columns are cached on disk, keyed by the toolkit
    /// version, the fitted step's state and each row's key columns. The cache location and size are logged;
    /// <see cref="DiskCacheOptions.Enabled"/> or the MLNETEMOTION_CACHE=0 environment variable turns it off.</summary>
    public static DiskCachingEstimator DiskCache(this DataOperationsCatalog catalog, IEstimator<ITransformer> step, DiskCacheOptions? options = null)
    {
        options ??= new DiskCacheOptions();
        catalog.Context.WriteLog("DiskCache", DiskCacheInfo.Of(options.Directory).ToString());
        return new DiskCachingEstimator(catalog.Context, step, options);
    }
}
