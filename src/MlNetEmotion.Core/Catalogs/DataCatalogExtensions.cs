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

    /// <summary>
    /// Standardises Single columns within each group (subject): every value becomes (x − mean) / sd with the mean and
    /// standard deviation of its slot over that group's rows, measured in one pass when this is called. A tensor column
    /// <c>[T, d…]</c> (a sequence of frames) has one mean and sd per slot of a frame <c>[d…]</c>, pooled over the frames, so
    /// a topomap pixel or an expression probability is compared with the same subject's own level of it; a plain vector
    /// or scalar column has one per slot. A slot constant within a group becomes 0. The columns keep their names and types.
    /// </summary>
    /// <remarks>The statistics come from the inputs alone, never from labels, and from every row of the group that is in
    /// <paramref name="data"/>: for a held-out subject that means their own unlabelled recordings, as in per-subject
    /// calibration of cross-subject EEG work. Apply it to the whole table before splitting by subject; it is an operation
    /// on data (like <c>CacheInParallel</c>), not a step of a saved model.</remarks>
    /// <param name="catalog"><c>mlContext.Data</c>.</param>
    /// <param name="data">The view; it is read once here and again lazily by the result.</param>
    /// <param name="groupColumnName">Text column naming each row's group, e.g. "Subject".</param>
    /// <param name="columnNames">Single or Single-vector columns to standardise.</param>
    /// <exception cref="SchemaMismatchException">A column is missing or of another type.</exception>
    /// <exception cref="DataValidationException">A value is not finite, or a row is not a whole number of frames.</exception>
    public static IDataView StandardizePerGroup(this DataOperationsCatalog catalog, IDataView data, string groupColumnName, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (columnNames is not { Length: > 0 }) throw new ArgumentException("Name at least one column to standardise.", nameof(columnNames));
        return new RowMappedDataView(data, new GroupStandardizingMapper(data, groupColumnName, columnNames));
    }
}
