using MlNetEmotion.Data;

namespace MlNetEmotion.Core.Tests;

/// <summary>This toolkit's own views (in-memory, row subsets, concatenation, lazy mapped rows) under ML.NET's contracts.</summary>
public class DataViewTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void InMemory_view_reads_through_ml_net_helpers()
    {
        var table = TestRows.Table(4);
        Assert.Equal(4, table.GetRowCount());
        Assert.Equal([0, 1, 2, 3], table.GetColumn<int>("Id"));
        Assert.Equal(["row0", "row1", "row2", "row3"], table.GetColumn<string>("Name"));
        Assert.Equal([3f, -3f], table.GetColumn<float[]>("Features").Last());
        var back = _ml.Data.CreateEnumerable<TableRow>(table, reuseRowObject: false).ToList();
        Assert.Equal("row2", back[2].Name);
        Assert.Equal([2f, -2f], back[2].Features);
    }

    [Fact]
    public void InMemory_view_rejects_values_that_disagree_with_the_schema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        builder.AddColumn("B", NumberDataViewType.Single);
        var schema = builder.ToSchema();
        Assert.Contains("'B'", Assert.Throws<ArgumentException>(() => new InMemoryDataView(schema, [new float[2], new double[2]])).Message);
        Assert.Contains("3 rows", Assert.Throws<ArgumentException>(() => new InMemoryDataView(schema, [new float[2], new float[3]])).Message);
        Assert.Throws<ArgumentException>(() => new InMemoryDataView(schema, [new float[2]]));
    }

    [Fact]
    public void Getter_of_wrong_type_or_inactive_column_names_the_column()
    {
        var table = TestRows.Table(2);
        using var cursor = table.GetRowCursor([table.Schema["Rating"]]);
        var e = Assert.Throws<SchemaMismatchException>(() => cursor.GetGetter<double>(table.Schema["Rating"]));
        Assert.Equal("Rating", e.ColumnName);
        Assert.Contains("Double", e.Message);
        Assert.Contains("Single", e.Message);
        Assert.Equal("Id", Assert.Throws<SchemaMismatchException>(() => cursor.GetGetter<int>(table.Schema["Id"])).ColumnName);
    }

    [Fact]
    public void Vector_getters_hand_out_copies()
    {
        var table = TestRows.Table(1);
        using var cursor = table.GetRowCursor([table.Schema["Features"]]);
        var get = cursor.GetGetter<VBuffer<float>>(table.Schema["Features"]);
        Assert.True(cursor.MoveNext());
        var value = default(VBuffer<float>);
        get(ref value);
        var editable = VectorValues.ToDenseArray(value);
        editable[0] = 99;
        var again = default(VBuffer<float>);
        get(ref again);
        Assert.Equal([0f, 0f], VectorValues.ToDenseArray(again));
    }

    [Fact]
    public void Shuffled_cursor_is_a_seeded_permutation()
    {
        var memory = _ml.Data.LoadFromEnumerable(TestRows.Make(2, 10)).ToInMemory();
        int[] Read(int seed)
        {
            var ids = new List<int>();
            using var cursor = memory.GetRowCursor([memory.Schema["Id"]], new Random(seed));
            var get = cursor.GetGetter<int>(memory.Schema["Id"]);
            int v = 0;
            while (cursor.MoveNext()) { get(ref v); ids.Add(v); }
            return ids.ToArray();
        }
        Assert.Equal(Read(5), Read(5));
        Assert.NotEqual(Enumerable.Range(0, 20), Read(5));
        Assert.Equal(Enumerable.Range(0, 20), Read(5).Order());
    }

    [Fact]
    public void Subset_and_in_memory_views_keep_selected_rows()
    {
        var data = _ml.Data.LoadFromEnumerable(TestRows.Make(2, 5));
        var subset = _ml.Data.SelectRows(data, [7, 1, 3]);
        Assert.Equal([1, 3, 7], subset.GetColumn<int>("Id"));
        Assert.Equal(3, subset.GetRowCount());
        var memory = subset.ToInMemory();
        Assert.Equal([1, 3, 7], memory.GetColumn<int>("Id"));
        Assert.Equal(3, memory.GetRowCount());
        Assert.Equal(subset.GetColumn<string>("Subject"), memory.GetColumn<string>("Subject"));
        Assert.Equal([1, 7], memory.SelectRows([0, 2]).GetColumn<int>("Id"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Data.SelectRows(data, [3, 10]).GetColumn<int>("Id").ToArray());
    }

    [Fact]
    public void Concatenated_view_reads_parts_in_order_and_checks_their_schemas()
    {
        var data = _ml.Data.LoadFromEnumerable(TestRows.Make(2, 5));
        var joined = new ConcatenatedDataView([_ml.Data.SelectRows(data, [8, 9]), _ml.Data.SelectRows(data, [0]), data.ToInMemory(["Id", "Subject", "Rating", "Features"])]);
        Assert.Equal(13, joined.GetRowCount());
        Assert.Equal(new[] { 8, 9, 0 }.Concat(Enumerable.Range(0, 10)), joined.GetColumn<int>("Id"));
        Assert.Equal(joined.GetColumn<float[]>("Features").Skip(3).SelectMany(v => v), data.GetColumn<float[]>("Features").SelectMany(v => v));
        var e = Assert.Throws<SchemaMismatchException>(() => new ConcatenatedDataView([data, TestRows.Table(2)]));
        Assert.Equal("Subject", e.ColumnName);
    }

    [Fact]
    public void Mapped_view_computes_only_requested_columns_once_per_row()
    {
        var data = _ml.Data.LoadFromEnumerable(TestRows.Make(1, 5));
        var t = new RatingFunctionTransformer("Twice", (rating, _) => rating * 2);
        var mapped = t.Transform(data);
        Assert.Equal(0, t.Calls);
        Assert.Equal(5, mapped.GetColumn<float>("Rating").Count());
        Assert.Equal(0, t.Calls);
        var twice = mapped.GetColumn<float>("Twice").ToArray();
        Assert.Equal(5, t.Calls);
        Assert.Equal(TestRows.Make(1, 5).Select(r => r.Rating * 2), twice);
        Assert.Equal(NumberDataViewType.Single, t.GetOutputSchema(data.Schema)["Twice"].Type);
    }

    [Fact]
    public void Mapped_rows_serve_ml_net_prediction_engine()
    {
        var data = _ml.Data.LoadFromEnumerable(TestRows.Make(1, 3));
        var t = new RatingFunctionTransformer("Twice", (rating, _) => rating + 1);
        var engine = _ml.Model.CreatePredictionEngine<FeatureRow, TwiceRow>(t, data.Schema);
        Assert.Equal(4.5f, engine.Predict(new FeatureRow { Rating = 3.5f, Features = [0, 0, 0] }).Twice);
    }

    public sealed class TableRow
    {
        public string Name { get; set; } = "";

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    public sealed class TwiceRow
    {
        public float Twice { get; set; }
    }
}
