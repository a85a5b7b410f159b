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

    /// <summary>Parallel options limited to <see cref="NumThreads"/>.</summary>
    public static ParallelOptions Options => new() { MaxDegreeOfParallelism = numThreads };
}
