using MlNetEmotion.Data;

namespace MlNetEmotion.Core.Tests;

/// <summary>Row classes and small builders shared by the Core tests.</summary>
public sealed class FeatureRow
{
    public string Subject { get; set; } = "";

    public float Rating { get; set; }

    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public int Id { get; set; }
}

public static class TestRows
{
    /// <summary>Deterministic rows: <paramref name="subjects"/> subjects × <paramref name="perSubject"/> trials.</summary>
    public static List<FeatureRow> Make(int subjects = 6, int perSubject = 10, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<FeatureRow>();
        for (int s = 0; s < subjects; s++)
            for (int t = 0; t < perSubject; t++)
            {
                float rating = 1 + (float)Math.Round(random.NextDouble() * 8, 1);
                rows.Add(new FeatureRow
                {
                    Subject = $"s{s:D2}",
                    Rating = rating,
                    Features = [rating + (float)random.NextDouble(), (float)random.NextDouble() * 10 - 5, s],
                    Id = rows.Count,
                });
            }
        return rows;
    }

    /// <summary>The rows as an ML.NET view.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows) => ml.Data.LoadFromEnumerable(rows);

    /// <summary>A small in-memory view built column by column: Id (Int32), Rating (Single), Features (Single × 2), Name (Text).</summary>
    public static InMemoryDataView Table(int rows)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Id", NumberDataViewType.Int32);
        builder.AddColumn("Rating", NumberDataViewType.Single);
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 2));
        builder.AddColumn("Name", TextDataViewType.Instance);
        var ids = Enumerable.Range(0, rows).ToArray();
        return new InMemoryDataView(builder.ToSchema(),
        [
            ids,
            ids.Select(i => 1f + i % 9).ToArray(),
            ids.Select(i => new VBuffer<float>(2, [i, -i])).ToArray(),
            ids.Select(i => $"row{i}".AsMemory()).ToArray(),
        ]);
    }

    public static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "data", "core", file);

    /// <summary>The repository's tests/data/core folder (for regenerating fixtures), found upward from the test binaries.</summary>
    public static string SourceDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "core");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/data/core not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test transformer made from a function of (rating, row position): a <see cref="ColumnMapper{TIn, TOut}"/>
/// behind <see cref="RowMappingTransformerBase"/>; <see cref="Calls"/> counts evaluations.</summary>
public sealed class RatingFunctionTransformer(string output, Func<float, long, float> map) : RowMappingTransformerBase
{
    private int _calls;

    public int Calls => _calls;

    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new ColumnMapper<float, float>(inputSchema, inputSchema["Rating"], output, NumberDataViewType.Single, (rating, row) =>
        {
            Interlocked.Increment(ref _calls);
            return map(rating, row);
        });

    public override void Save(MlNetEmotion.Persistence.StepSaveContext context) => throw new NotSupportedException("test-only");
}
