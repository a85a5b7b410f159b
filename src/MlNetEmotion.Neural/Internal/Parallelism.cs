using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Internal;

/// <summary>Splits work across <see cref="Threading.NumThreads"/> threads only when it pays, through
/// <see cref="Threading.For"/> (so GEMMs called from a parallel body stay on their thread); each item is computed by
/// one thread, so results do not depend on the thread count.</summary>
internal static class Parallelism
{
    /// <summary>Minimum floating-point work (roughly element operations) before going parallel.</summary>
    private const long MinParallelWork = 1 << 15;

    /// <summary>Elements per chunk of <see cref="ForChunks"/> (fixed, so chunking never depends on the thread count).</summary>
    private const int Chunk = 1 << 16;

    /// <summary>Runs <paramref name="body"/> for 0..count-1, in parallel when count × costPerItem is large.</summary>
    public static void For(int count, long costPerItem, Action<int> body)
    {
        if (count <= 1 || Threading.NumThreads == 1 || count * costPerItem < MinParallelWork)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Threading.For(count, body);
    }

    /// <summary>Runs <paramref name="body"/>(start, length) over fixed chunks of [0, n).</summary>
    public static void ForChunks(int n, Action<int, int> body)
    {
        if (n <= Chunk || Threading.NumThreads == 1)
        {
            body(0, n);
            return;
        }
        int chunks = (n + Chunk - 1) / Chunk;
        Threading.For(chunks, c =>
        {
            int start = c * Chunk;
            body(start, Math.Min(Chunk, n - start));
        });
    }
}
