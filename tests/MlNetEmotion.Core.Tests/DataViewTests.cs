using MlNetEmotion.Data;

namespace MlNetEmotion.Core.Tests;

public class DataViewTests
{
    private readonly EmotionContext _ctx = new(seed: 1);

    [Fact]
    public void LoadFromEnumerable_maps_members_to_typed_columns()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(2, 3));
        Assert.Equal(6, data.GetRowCount());
        Assert.Equal(TextDataViewType.Instance, data.Schema["Subject"].Type);
        Assert.Equal(NumberDataViewType.Single, data.Schema["Rating"].Type);
        var features = Assert.IsType<VectorDataViewType>(data.Schema["Features"].Type);
        Assert.Equal(3, features.Size);
        Assert.Equal(NumberDataViewType.Int32, data.Schema["Id"].Type);
    }

    [Fact]
    public void CreateEnumerable_round_trips_values()
    {
        var rows = TestRows.Make(2, 4);
        var back = _ctx.Data.CreateEnumerable<FeatureRow>(_ctx.Data.LoadFromEnumerable(rows)).ToList();
        Assert.Equal(rows.Select(r => r.Rating), back.Select(r => r.Rating));
        Assert.Equal(rows.SelectMany(r => r.Features), back.SelectMany(r => r.Features));
        Assert.Equal(rows.Select(r => r.Subject), back.Select(r => r.Subject));
    }

    [Fact]
    public void CreateEnumerable_names_the_missing_column()
    {
        var data = _ctx.Data.LoadFromEnumerable(new[] { new { } }.Select(_ => new OnlyId { Id = 1 }));
        var e = Assert.Throws<SchemaMismatchException>(() => _ctx.Data.CreateEnumerable<FeatureRow>(data).ToList());
        Assert.Equal("Subject", e.ColumnName);
    }

    [Fact]
    public void Cursor_computes_only_requested_columns()
    {
        int calls = 0;
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 5));
        var mapped = _ctx.Transforms.CustomMapping<FeatureRow, Doubled>((s, d) => { calls++; d.Twice = s.Rating * 2; })
            .Fit(data).Transform(data);
        Assert.Equal(0, calls);
        Assert.Equal(5, mapped.GetColumn<float>("Rating").Count());
        Assert.Equal(0, calls);
        var twice = mapped.GetColumn<float>("Twice").ToArray();
        Assert.Equal(5, calls);
        Assert.Equal(TestRows.Make(1, 5).Select(r => r.Rating * 2), twice);
    }

    [Fact]
    public void Getter_of_wrong_type_names_column_and_types()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 2));
        using var cursor = data.GetRowCursor([data.Schema["Rating"]]);
        var e = Assert.Throws<SchemaMismatchException>(() => cursor.GetGetter<double>(data.Schema["Rating"]));
        Assert.Contains("Rating", e.Message);
        Assert.Contains("Double", e.Message);
        Assert.Contains("Single", e.Message);
        Assert.Throws<SchemaMismatchException>(() => cursor.GetGetter<int>(data.Schema["Id"]));
    }

    [Fact]
    public void Later_column_of_same_name_hides_the_earlier()
    {
        var schema = new DataViewSchema.Builder()
            .AddColumn("A", NumberDataViewType.Single).AddColumn("A", TextDataViewType.Instance).ToSchema();
        Assert.True(schema[0].IsHidden);
        Assert.False(schema[1].IsHidden);
        Assert.Equal(TextDataViewType.Instance, schema["A"].Type);
    }

    [Fact]
    public void Subset_and_in_memory_views_keep_selected_rows()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(2, 5));
        var subset = _ctx.Data.SelectRows(data, [7, 1, 3]);
        Assert.Equal([1, 3, 7], subset.GetColumn<int>("Id"));
        var memory = subset.ToInMemory();
        Assert.Equal([1, 3, 7], memory.GetColumn<int>("Id"));
        Assert.Equal(3, memory.GetRowCount());
    }

    [Fact]
    public void Shuffled_cursor_is_a_seeded_permutation()
    {
        var memory = _ctx.Data.LoadFromEnumerable(TestRows.Make(2, 10)).ToInMemory();
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
    public void Preview_shows_first_rows()
    {
        var preview = _ctx.Data.Preview(_ctx.Data.LoadFromEnumerable(TestRows.Make(3, 10)), maxRows: 4);
        Assert.Equal(4, preview.RowView.Count);
        Assert.Equal(4, preview.ColumnView.Single(c => c.Key == "Rating").Value.Length);
        Assert.Contains("Subject | Rating | Features | Id", preview.ToString());
    }

    public sealed class OnlyId
    {
        public int Id { get; set; }
    }

    public sealed class Doubled
    {
        public float Twice { get; set; }
    }
}
