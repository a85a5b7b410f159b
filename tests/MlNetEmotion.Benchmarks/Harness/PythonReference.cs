using System.Diagnostics;
using System.Globalization;

namespace MlNetEmotion.Benchmarks.Harness;

/// <summary>Runs a reference timing script from <c>References/</c> with Debian's <c>/usr/bin/python3</c>.</summary>
/// <remarks>A script prints one line per measurement, <c>name milliseconds</c>. When Python or the reference
/// library is missing the reference is reported as unavailable and only our time is printed.</remarks>
public static class PythonReference
{
    /// <summary>Path of the interpreter that sees Debian's python3-* packages.</summary>
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and returns its timings by name,
    /// or an empty dictionary when the reference cannot run (the reason goes to standard error).</summary>
    public static IReadOnlyDictionary<string, double> Run(string script, int threads, params string[] arguments)
    {
        var result = new Dictionary<string, double>();
        string path = Path.Combine(AppContext.BaseDirectory, "References", script);
        if (!File.Exists(Interpreter) || !File.Exists(path))
        {
            Console.Error.WriteLine($"reference {script}: {Interpreter} or the script is missing; reference skipped");
            return result;
        }
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var v in new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS" })
            start.Environment[v] = threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"reference {script} failed ({process.ExitCode}): {stderr.Result.Trim()}");
            return result;
        }
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
                result[parts[0]] = ms;
        }
        return result;
    }
}
