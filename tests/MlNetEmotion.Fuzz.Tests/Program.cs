using System.Diagnostics;
using System.Globalization;
using MlNetEmotion.Fuzz.Tests.Harness;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>
/// The long fuzzing run (<c>./build.sh fuzz N [seed]</c>): N inputs spread evenly over every format, a table of counts
/// per format and outcome, and every failing input saved under <c>artifacts/fuzz</c> to become a regression file.
/// <c>seeds DIR</c> rewrites the generated seed files.
/// </summary>
public static class Program
{
    /// <summary>Entry point; exit code 1 when any input escaped with an untyped exception or broke a bound.</summary>
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "seeds")
        {
            SeedFiles.Write(args[1]);
            return 0;
        }
        if (args.Length >= 3 && args[0] == "replay")
        {
            var (outcome, detail) = FuzzRunner.ReadOne(FuzzTargets.Get(args[1]), File.ReadAllBytes(args[2]),
                Path.Combine(Path.GetTempPath(), $"mlnemo-replay-{Environment.ProcessId}"), FuzzBounds.Default);
            Console.WriteLine($"{outcome}: {detail}");
            return outcome is Outcome.Valid or Outcome.TypedError ? 0 : 1;
        }
        if (args.Length == 0 || args[0] != "fuzz")
        {
            Console.Error.WriteLine("usage: MlNetEmotion.Fuzz.Tests fuzz [N=100000] [seed=1] [out=artifacts/fuzz] | replay FORMAT FILE | seeds DIR");
            return 2;
        }
        int total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        int seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        string output = args.Length > 3 ? args[3] : Path.Combine("artifacts", "fuzz");
        var targets = FuzzTargets.All.Value;
        int each = (total + targets.Count - 1) / targets.Count;
        var reports = new List<FuzzReport>();
        var watch = Stopwatch.StartNew();
        foreach (var target in targets)
        {
            var formatWatch = Stopwatch.StartNew();
            var report = FuzzRunner.Run(target, each, seed);
            reports.Add(report);
            Console.WriteLine($"{target.Name}: {report.Inputs} inputs in {formatWatch.Elapsed.TotalSeconds:0.0} s, {report.Failures.Count} failures");
            foreach (var failure in report.Failures)
            {
                string file = Path.Combine(output, failure.Target, $"seed{seed}-{failure.Index}-{failure.Outcome}{Path.GetExtension(target.FileName)}");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, failure.Input);
                File.WriteAllText(file + ".txt", failure.Detail);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Fuzzed {reports.Sum(r => r.Inputs)} inputs with seed {seed} in {watch.Elapsed.TotalSeconds:0} s on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine(FuzzTable.Format(reports));
        return reports.Any(r => r.Failures.Count > 0) ? 1 : 0;
    }
}
