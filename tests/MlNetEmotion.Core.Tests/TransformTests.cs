using MlNetEmotion.Transforms;

namespace MlNetEmotion.Core.Tests;

public class TransformTests
{
    private readonly EmotionContext _ctx = new(seed: 1);

    [Fact]
    public void Concatenate_joins_scalars_and_vectors_in_order()
    {
        var rows = TestRows.Make(1, 3);
        var data = _ctx.Data.LoadFromEnumerable(rows);
        var out1 = _ctx.Transforms.Concatenate("All", "Rating", "Features").Fit(data).Transform(data);
        var type = Assert.IsType<VectorDataViewType>(out1.Schema["All"].Type);
        Assert.Equal(4, type.Size);
        var all = out1.GetColumn<float[]>("All").ToArray();
        for (int i = 0; i < rows.Count; i++) Assert.Equal(new[] { rows[i].Rating }.Concat(rows[i].Features), all[i]);
    }

    [Fact]
    public void Concatenate_rejects_mixed_item_types_naming_the_column()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 3));
        var e = Assert.Throws<SchemaMismatchException>(() => _ctx.Transforms.Concatenate("All", "Rating", "Id").Fit(data));
        Assert.Equal("Id", e.ColumnName);
    }

    [Fact]
    public void MeanVariance_learns_population_z_score()
    {
        var rows = TestRows.Make(2, 10);
        var data = _ctx.Data.LoadFromEnumerable(rows);
        var normalized = _ctx.Transforms.NormalizeMeanVariance("Features").Fit(data).Transform(data).GetColumn<float[]>("Features").ToArray();
        for (int j = 0; j < 3; j++)
        {
            var x = rows.Select(r => (double)r.Features[j]).ToArray();
            double mean = x.Average(), std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
            for (int i = 0; i < rows.Count; i++)
                Assert.Equal((x[i] - mean) / std, normalized[i][j], 5);
        }
        var column = normalized.Select(v => (double)v[1]).ToArray();
        Assert.Equal(0, column.Average(), 6);
        Assert.Equal(1, Math.Sqrt(column.Sum(v => v * v) / column.Length), 5);
    }

    [Fact]
    public void MinMax_maps_training_range_to_unit_interval()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(3, 7));
        var values = _ctx.Transforms.NormalizeMinMax("R", "Rating").Fit(data).Transform(data).GetColumn<float>("R").ToArray();
        Assert.Equal(0f, values.Min());
        Assert.Equal(1f, values.Max(), 6);
    }

    [Fact]
    public void Normaliser_rejects_non_finite_feature_naming_row_and_slot()
    {
        var rows = TestRows.Make(1, 4);
        rows[2].Features[1] = float.NaN;
        var e = Assert.Throws<DataValidationException>(() => _ctx.Transforms.NormalizeMeanVariance("Features").Fit(_ctx.Data.LoadFromEnumerable(rows)));
        Assert.Equal("Features", e.ColumnName);
        Assert.Equal(2, e.Row);
        Assert.Contains("slot 1", e.Message);
    }

    [Fact]
    public void Normaliser_on_empty_view_is_a_clear_error()
    {
        var e = Assert.Throws<DataValidationException>(() => _ctx.Transforms.NormalizeMeanVariance("Features").Fit(_ctx.Data.LoadFromEnumerable(new List<FeatureRow>())));
        Assert.Contains("no rows", e.Message);
    }

    [Fact]
    public void Normaliser_on_missing_or_mistyped_column_names_both_types()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 2));
        var missing = Assert.Throws<SchemaMismatchException>(() => _ctx.Transforms.NormalizeMeanVariance("Nope").Fit(data));
        Assert.Equal("Nope", missing.ColumnName);
        var wrong = Assert.Throws<SchemaMismatchException>(() => _ctx.Transforms.NormalizeMeanVariance("Subject").GetOutputSchema(SchemaShape.Create(data.Schema)));
        Assert.Equal("Subject", wrong.ColumnName);
        Assert.Contains("Text", wrong.Found);
    }

    [Fact]
    public void MapValueToKey_orders_by_occurrence_or_value_and_unseen_is_missing()
    {
        var rows = new[] { "sad", "happy", "sad", "angry" }.Select(s => new DataViewTests.OnlyId { Id = s.Length }).ToList();
        var data = _ctx.Data.LoadFromEnumerable(rows);
        var byOccurrence = _ctx.Transforms.Conversion.MapValueToKey("Key", "Id").Fit(data);
        Assert.Equal(["3", "5"], byOccurrence.Terms);
        var byValue = _ctx.Transforms.Conversion.MapValueToKey("Key", "Id", ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
        Assert.Equal(new uint[] { 1, 2, 1, 2 }, byValue.Transform(data).GetColumn<uint>("Key"));
        var other = _ctx.Data.LoadFromEnumerable(new[] { new DataViewTests.OnlyId { Id = 9 } });
        Assert.Equal(0u, byValue.Transform(other).GetColumn<uint>("Key").Single());
        var schema = byValue.GetOutputSchema(data.Schema);
        Assert.Equal(new KeyDataViewType(2), schema["Key"].Type);
        Assert.Equal(["3", "5"], schema["Key"].Annotations.GetValue<string[]>(AnnotationNames.KeyValues));
    }

    [Theory]
    [InlineData(1.0, 1u)]
    [InlineData(4.49, 1u)]
    [InlineData(4.5, 2u)]
    [InlineData(5.5, 2u)]
    [InlineData(5.51, 3u)]
    [InlineData(9.0, 3u)]
    public void ThreeLevel_follows_the_papers_boundaries(double rating, uint expected)
    {
        var t = new RatingBinningTransformer("L", "R", RatingBinningTransformer.ThreeLevels);
        Assert.Equal(expected, t.KeyOf(rating));
    }

    [Fact]
    public void ThreeLevel_rejects_out_of_scale_rating_naming_row()
    {
        var rows = TestRows.Make(1, 3);
        rows[1].Rating = 9.5f;
        var data = _ctx.Data.LoadFromEnumerable(rows);
        var labelled = _ctx.Labels.ThreeLevel("Rating").Fit(data).Transform(data);
        var e = Assert.Throws<DataValidationException>(() => labelled.GetColumn<uint>("Label").ToArray());
        Assert.Equal(1, e.Row);
        Assert.Equal("Rating", e.ColumnName);
    }

    [Fact]
    public void Binary_split_at_five()
    {
        var t = new RatingBinningTransformer("L", "R", RatingBinningTransformer.Binary(5));
        Assert.Equal(1u, t.KeyOf(5));
        Assert.Equal(2u, t.KeyOf(5.01));
    }
}
