using MlNetEmotion.Data;

namespace MlNetEmotion.Core.Tests;

/// <summary>ctx.Data.Cache computes blocks of rows on parallel cursors: the result must not depend on the degree of
/// parallelism (values and row positions), every row is computed once, and progress reaches the total.</summary>
public class ParallelCacheTests
{
    /// <summary>A column whose value depends on the row's position, so a block read at the wrong offset shows.</summary>
    private static IDataView PositionDependent(EmotionContext ctx, int rows, Action? onCompute = null)
    {
        var data = ctx.Data.LoadFromEnumerable(TestRows.Make(rows, 1));
        var t = ctx.Transforms.CustomMapping<FeatureRow, PositionRow>((input, output) =>
        {
            onCompute?.Invoke();
            output.Scaled = input.Rating * 3 + input.Id;
        }, "scaled").Fit(data);
        return t.Transform(data);
    }

    public sealed class PositionRow
    {
        public float Scaled { get; set; }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-1)]
    public void ParallelCacheEqualsSequential(int parallelism)
    {
        var ctx = new EmotionContext(1);
        var view = PositionDependent(ctx, 37);
        var sequential = ctx.Data.Cache(view, new CacheOptions { MaxDegreeOfParallelism = 1 });
        var parallel = ctx.Data.Cache(view, new CacheOptions { MaxDegreeOfParallelism = parallelism });
        Assert.Equal(sequential.GetColumn<float>("Scaled"), parallel.GetColumn<float>("Scaled"));
        Assert.Equal(sequential.GetColumn<string>("Subject"), parallel.GetColumn<string>("Subject"));
        Assert.Equal(37, parallel.GetRowCount());
    }

    [Fact]
    public void EveryRowIsComputedOnceAndProgressReachesTheTotal()
    {
        var ctx = new EmotionContext(1);
        int computed = 0;
        var view = PositionDependent(ctx, 25, () => Interlocked.Increment(ref computed));
        var events = new System.Collections.Concurrent.ConcurrentBag<ProgressEventArgs>();
        ctx.Progress += (_, e) => events.Add(e);
        ctx.Data.Cache(view, new CacheOptions { Columns = ["Scaled"], MaxDegreeOfParallelism = 2, ProgressStage = "Features" });
        Assert.Equal(25, computed);
        Assert.Equal(25, events.Count);
        Assert.All(events, e => Assert.Equal(("Features", 25L), (e.Stage, e.Total)));
        Assert.Equal(25, events.Max(e => e.Completed));
    }
}
