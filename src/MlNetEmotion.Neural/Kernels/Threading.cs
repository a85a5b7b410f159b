namespace MlNetEmotion.Neural.Kernels;

/// <summary>How many threads the engine's kernels may use (PyTorch's <c>torch.set_num_threads</c> sets it).</summary>
/// <remarks>Kernels split work so that every output element is computed by one thread in a fixed order:
/// results are bit-identical whatever the thread count.</remarks>
public static class Threading
{
    private static int numThreads = Environment.ProcessorCount;

    /// <summary>Maximum threads a kernel uses; defaults to the processor count, at least 1.</summary>
    public static int NumThreads
    {
        get => numThreads;
        set => numThreads = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "NumThreads must be at least 1.");
    }

    [ThreadStatic] private static int nesting;

    /// <summary>True while this thread runs a body of a <see cref="For"/> over two or more indices:
    /// kernels called from there (e.g. <see cref="Gemm.Sgemm"/>) then stay on this thread instead of nesting
    /// a second level of parallelism.</summary>
    public static bool InParallelLoop => nesting > 0;

    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on up to <see cref="NumThreads"/>
    /// threads (serially when already inside such a loop); kernels called from the body run single-threaded.
    /// Which thread runs an index must not change the result: give each index its own output.</summary>
    /// <param name="count">Number of iterations.</param>
    /// <param name="body">Work for one index.</param>
    public static void For(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (count <= 1)
        {
            if (count == 1) body(0);
            return;
        }
        if (numThreads == 1 || nesting > 0)
        {
            nesting++;
            try
            {
                for (int i = 0; i < count; i++) body(i);
            }
            finally
            {
                nesting--;
            }
            return;
        }
        Parallel.For(0, count, Options, i =>
        {
            nesting++;
            try
            {
                body(i);
            }
            finally
            {
                nesting--;
            }
        });
    }

    /// <summary>Parallel options limited to <see cref="NumThreads"/>.</summary>
    public static ParallelOptions Options => new() { MaxDegreeOfParallelism = numThreads };
}
