using MlNetEmotion.Transforms;

namespace MlNetEmotion.Core.Tests;

/// <summary>The rating labels (this toolkit's step) inside ML.NET: keys with class names, checked inputs, named rows.</summary>
public class TransformTests
{
    private readonly MLContext _ml = new(seed: 1);

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
    public void ThreeLevel_makes_a_key_column_with_class_names()
    {
        var rows = TestRows.Make(1, 6);
        var data = _ml.Data.LoadFromEnumerable(rows);
        var labelled = _ml.Transforms.Labels.ThreeLevel("Rating").Fit(data).Transform(data);
        var column = labelled.Schema["Label"];
        Assert.Equal(KeyColumns.Type(3), column.Type);
        Assert.Equal(["Low", "Medium", "High"], KeyColumns.ClassNames(column));
        var t = new RatingBinningTransformer("L", "R", RatingBinningTransformer.ThreeLevels);
        Assert.Equal(rows.Select(r => t.KeyOf(r.Rating)), labelled.GetColumn<uint>("Label"));
        // ML.NET's key-to-value reads the class names this step attached.
        var names = _ml.Transforms.Conversion.MapKeyToValue("Name", "Label").Fit(labelled).Transform(labelled).GetColumn<string>("Name");
        Assert.Equal(rows.Select(r => RatingBinningTransformer.ThreeLevels[(int)t.KeyOf(r.Rating) - 1].Name), names);
    }

    [Fact]
    public void ThreeLevel_rejects_out_of_scale_rating_naming_row()
    {
        var rows = TestRows.Make(1, 3);
        rows[1].Rating = 9.5f;
        var data = _ml.Data.LoadFromEnumerable(rows);
        var labelled = _ml.Transforms.Labels.ThreeLevel("Rating").Fit(data).Transform(data);
        var e = Assert.Throws<DataValidationException>(() => labelled.GetColumn<uint>("Label").ToArray());
        Assert.Equal(1, e.Row);
        Assert.Equal("Rating", e.ColumnName);
    }

    [Fact]
    public void ThreeLevel_on_text_or_missing_column_names_it()
    {
        var data = _ml.Data.LoadFromEnumerable(TestRows.Make(1, 2));
        var wrong = Assert.Throws<SchemaMismatchException>(() => _ml.Transforms.Labels.ThreeLevel("Subject").Fit(data));
        Assert.Equal("Subject", wrong.ColumnName);
        Assert.Contains("String", wrong.Found);
        Assert.Equal("Nope", Assert.Throws<SchemaMismatchException>(() => _ml.Transforms.Labels.ThreeLevel("Nope").Fit(data)).ColumnName);
    }

    [Fact]
    public void Binary_split_at_five()
    {
        var t = new RatingBinningTransformer("L", "R", RatingBinningTransformer.Binary(5));
        Assert.Equal(1u, t.KeyOf(5));
        Assert.Equal(2u, t.KeyOf(5.01));
    }
}
