namespace MlNetEmotion.Benchmarks.Harness;

/// <summary>One timed comparison: our implementation against a reference on the same machine.</summary>
/// <remarks>Cases are discovered by reflection; add a new case by adding a subclass in its area's folder.</remarks>
public abstract class BenchmarkCase
{
    /// <summary>Short unique name used on the command line, e.g. <c>neural.lstm</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    public abstract string Description { get; }

    /// <summary>Runs the case with the given number of threads and returns one or more result rows.</summary>
    public abstract IEnumerable<BenchmarkResult> Run(int threads);
}

/// <summary>One printed line: reference time, our time and the ratio reference / ours (above 1 means we are faster).</summary>
/// <param name="Case">Case and setting, e.g. <c>neural.sgemm 1024^3</c>.</param>
/// <param name="Threads">Threads used by both sides.</param>
/// <param name="ReferenceMs">Reference time in milliseconds, or null when the reference could not run here.</param>
/// <param name="OursMs">Our time in milliseconds.</param>
/// <param name="Note">Extra figures, e.g. GFLOP/s.</param>
public sealed record BenchmarkResult(string Case, int Threads, double? ReferenceMs, double OursMs, string Note = "")
{
    /// <summary>Reference time divided by ours; null without a reference.</summary>
    public double? Ratio => ReferenceMs / OursMs;
}
