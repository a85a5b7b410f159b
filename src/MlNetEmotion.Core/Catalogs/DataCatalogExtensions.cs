using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary>Data operations ML.NET lacks, on <c>mlContext.Data</c>.</summary>
public static class DataCatalogExtensions
{
    /// <summary>Computes the named columns (or every visible one) once, with one cursor per core, and keeps them in
    /// memory, reporting progress as stage <c>Caching</c>. Unlike ML.NET's <c>Cache</c>, which fills lazily from one
    /// cursor, this computes expensive feature columns (topomaps, face crops) on all cores up front; results are
    /// identical for any degree of parallelism.</summary>
    /// <param name="catalog"><c>mlContext.Data</c>.</param>
    /// <param name="data">The view.</param>
    /// <param name="columnsToCache">Columns to keep; none for every visible column.</param>
    public static IDataView CacheInParallel(this DataOperationsCatalog catalog, IDataView data, params string[] columnsToCache) =>
        catalog.CacheInParallel(data, new CacheOptions { Columns = columnsToCache });

    /// <summary>Computes the view once and keeps it in memory, with the given parallelism and progress stage.</summary>
    /// <param name="catalog"><c>mlContext.Data</c>.</param>
    /// <param name="data">The view.</param>
    /// <param name="options">Columns, parallelism, progress stage.</param>
    public static IDataView CacheInParallel(this DataOperationsCatalog catalog, IDataView data, CacheOptions options)
    {
        var environment = CatalogEnvironment.Of(catalog);
        return data.ToInMemory(options.Columns is { Length: > 0 } c ? c : null, options.MaxDegreeOfParallelism,
            (done, total) => environment.ReportProgress(options.ProgressStage, done, total));
    }

    /// <summary>The rows at the given 0-based positions, in the source's order.</summary>
    /// <param name="catalog"><c>mlContext.Data</c>.</param>
    /// <param name="data">The view.</param>
    /// <param name="rows">Row positions.</param>
    public static IDataView SelectRows(this DataOperationsCatalog catalog, IDataView data, IEnumerable<int> rows) => new RowSubsetDataView(data, rows);
}
