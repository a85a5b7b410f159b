namespace MlNetEmotion.Audio.Features;

/// <summary>Runs chunk bodies on up to <c>threads</c> threads (0 = all processors); with one thread, or one chunk,
/// it runs them in order on the calling thread without involving the thread pool.</summary>
internal static class ChunkRunner
{
    public static void Run(int chunks, int threads, Action<int> body)
    {
        int limit = threads > 0 ? threads : Environment.ProcessorCount;
        if (limit == 1 || chunks <= 1)
        {
            for (int c = 0; c < chunks; c++) body(c);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = limit }, body);
    }
}
