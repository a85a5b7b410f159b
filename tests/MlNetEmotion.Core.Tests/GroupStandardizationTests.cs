using MlNetEmotion.Data;

namespace MlNetEmotion.Core.Tests;

/// <summary><c>mlContext.Data.StandardizePerGroup</c>: each group's slots get zero mean and unit variance, pooled over
/// the frames of a tensor column.</summary>
public class GroupStandardizationTests
{
    public sealed class FrameRow
    {
        public string Subject { get; set; } = "";

        [VectorType(3, 2)]
        public float[] Frames { get; set; } = [];

        public float Level { get; set; }
    }

    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Frames_are_standardised_per_slot_within_each_group()
    {
        // Subject a: slot 0 takes 1, 2, 3 and 4, 5, 6 over two rows of three frames (mean 3.5, population sd √(35/12));
        // slot 1 is constant 7 and becomes 0. Subject b is a shifted and scaled copy, so it standardises to the same values.
        var rows = new[]
        {
            new FrameRow { Subject = "a", Frames = [1, 7, 2, 7, 3, 7], Level = 1 },
            new FrameRow { Subject = "b", Frames = [110, -1, 120, -1, 130, -1], Level = 10 },
            new FrameRow { Subject = "a", Frames = [4, 7, 5, 7, 6, 7], Level = 3 },
            new FrameRow { Subject = "b", Frames = [140, -1, 150, -1, 160, -1], Level = 30 },
        };
        var data = _ml.Data.StandardizePerGroup(_ml.Data.LoadFromEnumerable(rows), "Subject", "Frames", "Level");
        Assert.Equal([3, 2], ((VectorDataViewType)data.Schema["Frames"].Type).Dimensions.ToArray());
        var frames = data.GetColumn<float[]>("Frames").ToArray();
        double sd = Math.Sqrt(35.0 / 12);
        float[] first = [(float)(-2.5 / sd), 0, (float)(-1.5 / sd), 0, (float)(-0.5 / sd), 0];
        float[] second = [(float)(0.5 / sd), 0, (float)(1.5 / sd), 0, (float)(2.5 / sd), 0];
        foreach (var (actual, expected) in frames.Zip(new[] { first, first, second, second }))
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        Assert.Equal([-1f, -1, 1, 1], data.GetColumn<float>("Level").ToArray());
    }

    [Fact]
    public void A_value_that_is_not_finite_names_its_column_and_row()
    {
        var rows = new[] { new FrameRow { Subject = "a", Frames = [1, 2, 3, 4, 5, 6] }, new FrameRow { Subject = "a", Frames = [1, 2, float.NaN, 4, 5, 6] } };
        var e = Assert.Throws<DataValidationException>(() => _ml.Data.StandardizePerGroup(_ml.Data.LoadFromEnumerable(rows), "Subject", "Frames"));
        Assert.Equal(("Frames", 1L), (e.ColumnName, e.Row));
    }

    [Fact]
    public void A_missing_group_column_is_a_schema_mismatch()
    {
        var rows = new[] { new FrameRow { Subject = "a", Frames = [1, 2, 3, 4, 5, 6] } };
        var e = Assert.Throws<SchemaMismatchException>(() => _ml.Data.StandardizePerGroup(_ml.Data.LoadFromEnumerable(rows), "Person", "Frames"));
        Assert.Contains("Person", e.Message);
    }
}
