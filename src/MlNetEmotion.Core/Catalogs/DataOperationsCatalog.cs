using MlNetEmotion.Data;

namespace MlNetEmotion;

/// <summary><c>ctx.Data</c>: loading, caching, row selection and previews. Data-set manifests add
/// <c>LoadManifest</c> from the Datasets assembly.</summary>
public sealed class DataOperationsCatalog
{
    internal DataOperationsCatalog(EmotionContext context) => Context = context;

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }

    /// <summary>A lazy view over CLR objects; public properties and fields become columns
    /// (<see cref="ColumnNameAttribute"/>, <see cref="VectorTypeAttribute"/>, <see cref="KeyTypeAttribute"/>,
    /// <see cref="NoColumnAttribute"/> adjust the mapping).</summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data) where TRow : class => new EnumerableDataView<TRow>(data);

    /// <summary>The rows of <paramref name="data"/> as objects of <typeparamref name="TRow"/>, matched by column name.</summary>
    /// <param name="data">The view.</param>
    /// <param name="reuseRowObject">Fill one object for every row instead of a new one each time.</param>
    /// <param name="ignoreMissingColumns">Leave members without a column at their defaults instead of failing.</param>
    /// <exception cref="SchemaMismatchException">A member has no column or its column type differs.</exception>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject = false, bool ignoreMissingColumns = false)
        where TRow : class, new() => RowObjectReader.Read<TRow>(data, reuseRowObject, ignoreMissingColumns);

    /// <summary>The first <paramref name="maxRows"/> rows, computed eagerly for inspection.</summary>
    public DataDebuggerPreview Preview(IDataView data, int maxRows = 100) => new(data, maxRows);

    /// <summary>Computes the view once and keeps it in memory (a cache checkpoint), one cursor per core, reporting
    /// progress as stage <c>Caching</c>.</summary>
    public IDataView Cache(IDataView data, params string[] columnsToCache) => Cache(data, new CacheOptions { Columns = columnsToCache });

    /// <summary>Computes the view once and keeps it in memory, with the given parallelism and progress stage.
    /// Results are identical for any degree of parallelism.</summary>
    public IDataView Cache(IDataView data, CacheOptions options) =>
        data.ToInMemory(options.Columns is { Length: > 0 } c ? c : null, options.MaxDegreeOfParallelism,
            (done, total) => Context.ReportProgress(options.ProgressStage, done, total));

    /// <summary>The rows at the given 0-based positions, in the source's order.</summary>
    public IDataView SelectRows(IDataView data, IEnumerable<int> rows) => new RowSubsetDataView(data, rows);

    /// <summary>The rows in a random order drawn from the context's seed (materialised in memory).</summary>
    public IDataView ShuffleRows(IDataView data, int? seed = null)
    {
        var memory = data.ToInMemory();
        var order = Enumerable.Range(0, memory.RowCount).ToArray();
        new Random(seed ?? Context.NextSeed()).Shuffle(order);
        return memory.SelectRows(order);
    }
}
