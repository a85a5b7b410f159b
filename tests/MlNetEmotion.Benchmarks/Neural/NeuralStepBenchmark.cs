using System.Diagnostics;
using System.Globalization;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Benchmarks.Neural;

/// <summary>A training-step case: one reference script timing the same model in PyTorch 1.13 and our step,
/// both with the same thread count, median wall time over several runs after warm-up; the note adds the
/// least and median process CPU time of both sides (steadier than wall time when other work shares the cores),
/// and, for our side, the garbage collections and minor page faults per timed step.</summary>
public abstract class NeuralStepBenchmark : BenchmarkCase
{
    /// <summary>Reference script in <c>References/</c>.</summary>
    protected abstract string Script { get; }

    /// <summary>Name of the line the script prints.</summary>
    protected abstract string ReferenceName { get; }

    /// <summary>Timed runs (median reported).</summary>
    protected virtual int Iterations => 7;

    /// <summary>Untimed warm-up runs.</summary>
    protected virtual int Warmup => 2;

    /// <summary>Builds the model and data (seeded) and returns one timed step.</summary>
    protected abstract Action CreateStep();

    /// <summary>Arguments passed to the reference script after the thread count, read after <see cref="CreateStep"/>
    /// (e.g. a file with the weights and inputs the step wrote); none by default.</summary>
    protected virtual string[] ReferenceArguments => [];

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(0);
        var step = CreateStep();
        var reference = PythonReference.Run(Script, threads, ReferenceArguments);
        for (int i = 0; i < Warmup; i++) step();
        var wall = new double[Iterations];
        var cpu = new double[Iterations];
        using var process = Process.GetCurrentProcess();
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        long faults = MinorPageFaults();
        for (int i = 0; i < Iterations; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            step();
            wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        }
        double perStep = 1.0 / Iterations;
        string memory = string.Create(CultureInfo.InvariantCulture,
            $"GCs/step gen0 {(GC.CollectionCount(0) - gen0) * perStep:F1}, gen2 {(GC.CollectionCount(2) - gen2) * perStep:F1}; minor faults/step {(MinorPageFaults() - faults) * perStep:F0}");
        Array.Sort(wall);
        Array.Sort(cpu);
        double? refMs = reference.TryGetValue(ReferenceName, out double r) ? r : null;
        string refCpu = FormatCpu(reference, ReferenceName + "_cpu_min") + "/" + FormatCpu(reference, ReferenceName + "_cpu");
        string note = string.Create(CultureInfo.InvariantCulture,
            $"CPU ms min/median (all threads): PyTorch {refCpu}, ours {cpu[0]:F0}/{cpu[Iterations / 2]:F0} ({memory}); {Description}");
        yield return new BenchmarkResult(Name, threads, refMs, wall[Iterations / 2], note);
    }

    /// <summary>Minor page faults of this process so far (field 10 of <c>/proc/self/stat</c>); 0 where there is none.</summary>
    private static long MinorPageFaults()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat)) return 0;
        string text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);   // fields after "(comm) ": state is field 3, minflt field 10
    }

    private static string FormatCpu(IReadOnlyDictionary<string, double> reference, string key) =>
        reference.TryGetValue(key, out double ms) ? ms.ToString("F0", CultureInfo.InvariantCulture) : "n/a";
}
