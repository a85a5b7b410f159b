namespace MlNetEmotion.Audio.Features;

/// <summary>Splits <c>items</c> work items into contiguous ranges run on up to <c>threads</c> threads (0 = all
/// processors); with one thread, or one item, it runs the whole range on the calling thread without involving the
/// thread pool. Callers keep each item's arithmetic independent of the range it lands in.</summary>
internal static class ChunkRunner
{
    /// <summary>Calls <paramref name="body"/>(first, end) for disjoint ranges covering [0, <paramref name="items"/>).</summary>
    public static void Run(int items, int threads, Action<int, int> body)
    {
        int limit = threads > 0 ? threads : Environment.ProcessorCount;
        if (limit == 1 || items <= 1)
        {
            body(0, items);
            return;
        }
        int chunks = Math.Min(items, 4 * limit); // a few ranges per thread keep the threads evenly loaded
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = limit },
            c => body((int)((long)items * c / chunks), (int)((long)items * (c + 1) / chunks)));
    }
}
