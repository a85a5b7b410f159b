using System.CommandLine;
using MlNetEmotion.Cli.Hosting;

namespace MlNetEmotion.Cli.Tests.Hosting;

/// <summary>Runs the whole command tree in-process, capturing stdout and stderr.</summary>
internal static class CliHarness
{
    /// <summary>Exit code, stdout and stderr of <c>mlnet-emotion ARGS</c>.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts the one-line error of a failed command: exit <paramref name="code"/>, a single "error: " line on
    /// stderr containing every fragment, and no stack trace.</summary>
    public static void AssertOneLineError((int Code, string Out, string Err) result, int code, params string[] fragments)
    {
        Assert.True(code == result.Code, $"exit {result.Code}, expected {code}; stderr: {result.Err}");
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", result.Err);
        foreach (var fragment in fragments) Assert.Contains(fragment, lines[0]);
    }

    /// <summary>Starts the built <c>mlnet-emotion</c> as a separate process (stdout and stderr discarded).</summary>
    public static System.Diagnostics.Process Start(params string[] args)
    {
        string dll = System.IO.Path.Combine(AppContext.BaseDirectory, "mlnet-emotion.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start mlnet-emotion");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The test data folder <c>tests/data/SUBFOLDER</c>.</summary>
    public static string DataFolder(string subfolder, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(sourceFile)!);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "MlNetEmotion.sln"))) dir = dir.Parent;
        return System.IO.Path.Combine(dir?.FullName ?? throw new InvalidOperationException($"MlNetEmotion.sln not found above {sourceFile}."), "tests", "data", subfolder);
    }

    /// <summary>A fresh temporary folder, deleted with its content on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        /// <summary>The folder.</summary>
        public string Path { get; } = Directory.CreateTempSubdirectory("mlnemo-cli-").FullName;

        /// <summary>A path inside the folder.</summary>
        public string File(string name) => System.IO.Path.Combine(Path, name);

        /// <inheritdoc />
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
        }
    }
}
