using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Internal;

/// <summary>Splits work across <see cref="Threading.NumThreads"/> threads only when it pays; each item is computed by one thread, so results do not depend on the thread count.</summary>
internal static class Parallelism
{
    /// <summary>Minimum floating-point work (roughly element operations) before going parallel.</summary>
    private const long MinParallelWork = 1 << 15;

    /// <summary>Runs <paramref name="body"/> for 0..count-1, in parallel when count × costPerItem is large.</summary>
    public static void For(int count, long costPerItem, Action<int> body)
    {
        if (count <= 1 || Threading.NumThreads == 1 || count * costPerItem < MinParallelWork)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, Threading.Options, body);
    }

    /// <summary>Like <see cref="For(int, long, Action{int})"/> with a per-thread scratch value (e.g. a buffer) reused across items.</summary>
    public static void For<TLocal>(int count, long costPerItem, Func<TLocal> localInit, Action<int, TLocal> body)
    {
        if (count <= 1 || Threading.NumThreads == 1 || count * costPerItem < MinParallelWork)
        {
            var local = localInit();
            for (int i = 0; i < count; i++) body(i, local);
            return;
        }
        Parallel.For(0, count, Threading.Options, localInit, (i, _, local) =>
        {
            body(i, local);
            return local;
        }, _ => { });
    }

    /// <summary>Runs <paramref name="body"/>(start, length) over fixed chunks of [0, n): chunk boundaries do not depend on the thread count.</summary>
    public static void ForChunks(int n, Action<int, int> body)
    {
        const int chunk = 1 << 16;
        if (n <= chunk || Threading.NumThreads == 1)
        {
            body(0, n);
            return;
        }
        int chunks = (n + chunk - 1) / chunk;
        Parallel.For(0, chunks, Threading.Options, c =>
        {
            int start = c * chunk;
            body(start, Math.Min(chunk, n - start));
        });
    }
}
