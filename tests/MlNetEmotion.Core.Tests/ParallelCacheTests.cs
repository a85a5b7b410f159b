namespace MlNetEmotion.Core.Tests;

/// <summary>ml.Data.CacheInParallel computes blocks of rows on parallel cursors: the result must not depend on the degree of
/// parallelism (values and row positions), every row is computed once, and progress reaches the total.</summary>
public class ParallelCacheTests
{
    /// <summary>A column whose value depends on the row's position, so a block read at the wrong offset shows.</summary>
    private static (IDataView View, RatingFunctionTransformer Step) PositionDependent(MLContext ml, int rows)
    {
        var data = ml.Data.LoadFromEnumerable(TestRows.Make(rows, 1));
        var t = new RatingFunctionTransformer("Scaled", (rating, row) => rating * 3 + row);
        return (t.Transform(data), t);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-1)]
    public void ParallelCacheEqualsSequential(int parallelism)
    {
        var ml = new MLContext(1);
        var (view, _) = PositionDependent(ml, 37);
        var sequential = ml.Data.CacheInParallel(view, new CacheOptions { MaxDegreeOfParallelism = 1 });
        var parallel = ml.Data.CacheInParallel(view, new CacheOptions { MaxDegreeOfParallelism = parallelism });
        Assert.Equal(sequential.GetColumn<float>("Scaled"), parallel.GetColumn<float>("Scaled"));
        Assert.Equal(view.GetColumn<float>("Scaled"), parallel.GetColumn<float>("Scaled"));
        Assert.Equal(sequential.GetColumn<string>("Subject"), parallel.GetColumn<string>("Subject"));
        Assert.Equal(sequential.GetColumn<float[]>("Features").SelectMany(v => v), parallel.GetColumn<float[]>("Features").SelectMany(v => v));
        Assert.Equal(37, parallel.GetRowCount());
    }

    [Fact]
    public void EveryRowIsComputedOnceAndProgressReachesTheTotal()
    {
        var ml = new MLContext(1);
        var (view, step) = PositionDependent(ml, 25);
        var events = new System.Collections.Concurrent.ConcurrentBag<ProgressEventArgs>();
        ml.Progress().Changed += (_, e) => events.Add(e);
        var cached = ml.Data.CacheInParallel(view, new CacheOptions { Columns = ["Scaled"], MaxDegreeOfParallelism = 2, ProgressStage = "Features" });
        Assert.Equal(25, step.Calls);
        Assert.Equal(25, events.Count);
        Assert.All(events, e => Assert.Equal(("Features", 25L), (e.Stage, e.Total)));
        Assert.Equal(25, events.Max(e => e.Completed));
        Assert.Equal(["Scaled"], cached.Schema.Select(c => c.Name));
        cached.GetColumn<float>("Scaled").ToArray();
        Assert.Equal(25, step.Calls);
    }
}
