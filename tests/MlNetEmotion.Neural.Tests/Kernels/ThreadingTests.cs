using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Tests.Kernels;

public class ThreadingTests
{
    [Fact]
    public void For_RunsEveryIndexOnce_MarksBodies_AndNestsSerially()
    {
        int saved = Threading.NumThreads;
        Threading.NumThreads = 2;
        try
        {
            var hits = new int[64];
            var inner = new int[64];
            var marked = new bool[64];
            Threading.For(64, i =>
            {
                Interlocked.Increment(ref hits[i]);
                marked[i] = Threading.InParallelLoop;
                Threading.For(3, _ => Interlocked.Increment(ref inner[i]));
            });
            Assert.All(hits, h => Assert.Equal(1, h));
            Assert.All(inner, h => Assert.Equal(3, h));
            Assert.All(marked, Assert.True);
            Assert.False(Threading.InParallelLoop);
        }
        finally
        {
            Threading.NumThreads = saved;
        }
    }

    [Fact]
    public void Sgemm_InsideFor_MatchesSgemmOutside()
    {
        var a = GemmReference.Random(64 * 300, 1);
        var b = GemmReference.Random(300 * 200, 2);
        var outside = new float[64 * 200];
        Gemm.Sgemm(false, false, 64, 200, 300, 1, a, 300, b, 200, 0, outside, 200);
        var inside = new float[2][];
        Threading.For(2, i =>
        {
            inside[i] = new float[64 * 200];
            Gemm.Sgemm(false, false, 64, 200, 300, 1, a, 300, b, 200, 0, inside[i], 200);
        });
        Assert.Equal(outside, inside[0]);
        Assert.Equal(outside, inside[1]);
    }

    [Fact]
    public void NumThreads_BelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Threading.NumThreads = 0);
}
