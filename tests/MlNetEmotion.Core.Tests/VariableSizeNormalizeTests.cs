namespace MlNetEmotion.Core.Tests;

/// <summary>Normalising a variable-size vector column (per-channel features whose count only the data knows): the size is
/// learned from the training rows, the output has that known size, and a row of another size is named.</summary>
public class VariableSizeNormalizeTests
{
    public sealed class VarRow
    {
        public float[] X { get; set; } = [];
    }

    [Fact]
    public void SizeIsLearnedAndStatisticsAreTheZScore()
    {
        var ctx = new EmotionContext(1);
        var rows = new[] { new VarRow { X = [1, 10, -2] }, new VarRow { X = [3, 20, -2] }, new VarRow { X = [5, 30, -2] } };
        var data = ctx.Data.LoadFromEnumerable(rows);
        Assert.False(((VectorDataViewType)data.Schema["X"].Type).IsKnownSize);
        var estimator = ctx.Transforms.NormalizeMeanVariance("Z", "X");
        Assert.True(estimator.GetOutputSchema(SchemaShape.Create(data.Schema)).TryFindColumn("Z", out var shape));
        Assert.Equal(SchemaShape.VectorKind.Vector, shape.Kind);
        var output = estimator.Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), output.Schema["Z"].Type);
        float s = (float)Math.Sqrt(8.0 / 3);                        // population sd of 1, 3, 5
        var z = output.GetColumn<float[]>("Z").ToArray();
        Assert.Equal([-2 / s, -1.2247449f, 0f], z[0], new FloatTolerance(1e-6f));
        Assert.Equal([0f, 0f, 0f], z[1], new FloatTolerance(1e-6f));
    }

    [Fact]
    public void RowsOfAnotherSizeAreNamed()
    {
        var ctx = new EmotionContext(1);
        var train = ctx.Data.LoadFromEnumerable(new[] { new VarRow { X = [1, 2] }, new VarRow { X = [3, 4] } });
        var model = ctx.Transforms.NormalizeMeanVariance("Z", "X").Fit(train);
        var test = ctx.Data.LoadFromEnumerable(new[] { new VarRow { X = [1, 2] }, new VarRow { X = [1, 2, 3] } });
        var e = Assert.Throws<DataValidationException>(() => model.Transform(test).GetColumn<float[]>("Z").ToArray());
        Assert.Contains("row 1", e.Message);
        Assert.Contains("expected 2", e.Message);
        var bad = ctx.Data.LoadFromEnumerable(new[] { new VarRow { X = [1, 2] }, new VarRow { X = [1] } });
        Assert.Throws<DataValidationException>(() => ctx.Transforms.NormalizeMeanVariance("Z", "X").Fit(bad));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}
