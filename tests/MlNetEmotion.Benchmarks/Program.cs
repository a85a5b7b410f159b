using System.Globalization;
using System.Reflection;
using MlNetEmotion.Benchmarks.Harness;

// Usage: ./build.sh bench [case-prefix ...] [--threads 1,2]
// Prints one line per result: case, threads, reference ms, our ms, ratio (reference / ours).
var prefixes = new List<string>();
int[] threadCounts = [1, 2];
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--threads" && i + 1 < args.Length)
        threadCounts = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    else
        prefixes.Add(args[i]);
}

var cases = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t.IsSubclassOf(typeof(BenchmarkCase)) && !t.IsAbstract)
    .Select(t => (BenchmarkCase)Activator.CreateInstance(t)!)
    .Where(c => prefixes.Count == 0 || prefixes.Any(p => c.Name.StartsWith(p, StringComparison.Ordinal)))
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();
if (cases.Count == 0)
{
    Console.WriteLine("No benchmark case matches.");
    return 1;
}

Console.WriteLine($"{"case",-44} {"threads",7} {"reference ms",13} {"ours ms",10} {"ratio",7}  note");
foreach (var benchmark in cases)
{
    foreach (int threads in threadCounts)
    {
        foreach (var r in benchmark.Run(threads))
        {
            string reference = r.ReferenceMs is double ms ? ms.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
            string ratio = r.Ratio is double x ? x.ToString("F2", CultureInfo.InvariantCulture) : "n/a";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Case,-44} {r.Threads,7} {reference,13} {r.OursMs,10:F3} {ratio,7}  {r.Note}"));
        }
    }
}
return 0;
