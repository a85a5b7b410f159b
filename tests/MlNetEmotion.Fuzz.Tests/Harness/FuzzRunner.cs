namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>Bounds every input must keep: wall time and bytes allocated by the reading thread.</summary>
/// <param name="Timeout">Longest time one input may take.</param>
/// <param name="MaxAllocatedBytes">Most bytes one input may allocate.</param>
public sealed record FuzzBounds(TimeSpan Timeout, long MaxAllocatedBytes)
{
    /// <summary>20 s and 1 GiB per input.</summary>
    public static FuzzBounds Default { get; } = new(TimeSpan.FromSeconds(20), 1L << 30);
}

/// <summary>One input that broke a bound or escaped with an untyped exception.</summary>
/// <param name="Target">The format.</param>
/// <param name="Index">The input's index in the run.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">The exception, or the time or memory measured.</param>
/// <param name="Input">The input's bytes.</param>
public sealed record FuzzFailure(string Target, int Index, Outcome Outcome, string Detail, byte[] Input);

/// <summary>Counts of one format's run.</summary>
public sealed class FuzzReport(string target)
{
    /// <summary>The format.</summary>
    public string Target { get; } = target;

    /// <summary>Inputs per outcome.</summary>
    public Dictionary<Outcome, int> Counts { get; } = Enum.GetValues<Outcome>().ToDictionary(o => o, _ => 0);

    /// <summary>Inputs read in all.</summary>
    public int Inputs => Counts.Values.Sum();

    /// <summary>The inputs that broke a bound or escaped with an untyped exception.</summary>
    public List<FuzzFailure> Failures { get; } = [];
}

/// <summary>Feeds seeded mutations of a target's seed files through its reader and classifies each outcome.</summary>
public static class FuzzRunner
{
    /// <summary>Runs <paramref name="count"/> mutated inputs of <paramref name="target"/>.</summary>
    /// <param name="target">The format.</param>
    /// <param name="count">Inputs to read.</param>
    /// <param name="seed">Seed of the mutations (the same seed gives the same inputs).</param>
    /// <param name="bounds">Time and memory bounds, or null for <see cref="FuzzBounds.Default"/>.</param>
    public static FuzzReport Run(FuzzTarget target, int count, int seed, FuzzBounds? bounds = null)
    {
        bounds ??= FuzzBounds.Default;
        var mutator = new Mutator(seed);
        var picker = new Random(seed ^ 0x5EED);
        var report = new FuzzReport(target.Name);
        string root = Path.Combine(Path.GetTempPath(), $"mlnemo-fuzz-{target.Name}-{Environment.ProcessId}-{seed}");
        try
        {
            for (int i = 0; i < count; i++)
            {
                var input = mutator.Mutate(target.Seeds[picker.Next(target.Seeds.Count)], target.IsText);
                if (target.Repair is not null && picker.Next(2) == 0) input = target.Repair(input);
                var (outcome, detail) = ReadOne(target, input, Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), bounds);
                report.Counts[outcome]++;
                if (outcome is not (Outcome.Valid or Outcome.TypedError))
                    report.Failures.Add(new FuzzFailure(target.Name, i, outcome, detail, input));
            }
        }
        finally
        {
            TryDelete(root);
        }
        return report;
    }

    /// <summary>Reads one input written to a fresh folder and classifies what happened.</summary>
    /// <param name="target">The format.</param>
    /// <param name="input">The file's bytes.</param>
    /// <param name="folder">A folder to write it in (created, then deleted).</param>
    /// <param name="bounds">Time and memory bounds.</param>
    public static (Outcome Outcome, string Detail) ReadOne(FuzzTarget target, byte[] input, string folder, FuzzBounds bounds)
    {
        string path = Path.Combine(folder, target.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, input);
        var result = ReadPath(target, path, bounds);
        if (result.Outcome != Outcome.Timeout) TryDelete(folder);
        return result;
    }

    /// <summary>Reads the file at <paramref name="path"/> (any kind: a device, a FIFO, a folder) and classifies what happened.</summary>
    /// <param name="target">The format.</param>
    /// <param name="path">The input.</param>
    /// <param name="bounds">Time and memory bounds.</param>
    public static (Outcome Outcome, string Detail) ReadPath(FuzzTarget target, string path, FuzzBounds bounds)
    {
        long allocated = 0;
        Exception? error = null;
        var task = Task.Factory.StartNew(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                target.Read(path);
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }, TaskCreationOptions.LongRunning);
        if (!task.Wait(bounds.Timeout))
            return (Outcome.Timeout, $"still running after {bounds.Timeout.TotalSeconds:0.#} s");
        if (allocated > bounds.MaxAllocatedBytes)
            return (Outcome.OverMemory, $"allocated {allocated} bytes ({error?.GetType().Name ?? "valid"})");
        if (error is null) return (Outcome.Valid, "");
        return target.IsTyped(error) ? (Outcome.TypedError, error.Message) : (Outcome.Other, error.ToString());
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A timed-out reader may still hold the file; the folder is in the temp directory.
        }
    }
}
