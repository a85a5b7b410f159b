using System.ComponentModel;
using System.Diagnostics;

namespace MlNetEmotion.Vision.Media;

/// <summary>Locates and starts the <c>ffmpeg</c> and <c>ffprobe</c> programs (Debian package <c>ffmpeg</c>).</summary>
public static class Ffmpeg
{
    /// <summary>Environment variable naming a folder that holds <c>ffmpeg</c> and <c>ffprobe</c>; PATH is searched when unset.</summary>
    public const string DirectoryVariable = "MLNET_EMOTION_FFMPEG_DIR";

    /// <summary>Full path of <paramref name="program"/> (<c>ffmpeg</c> or <c>ffprobe</c>).</summary>
    /// <exception cref="FfmpegNotFoundException">The program is not installed.</exception>
    public static string Locate(string program)
    {
        string? dir = Environment.GetEnvironmentVariable(DirectoryVariable);
        var folders = string.IsNullOrEmpty(dir)
            ? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [dir];
        foreach (var folder in folders)
        {
            string candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        throw new FfmpegNotFoundException(program);
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>, standard output redirected for
    /// binary reading and standard error captured; the caller disposes the returned process handle. Standard input
    /// stays open for writing only when <paramref name="keepInput"/> is set.</summary>
    internal static ChildProcess Start(string program, IEnumerable<string> arguments, bool keepInput = false)
    {
        var start = new ProcessStartInfo(Locate(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try
        {
            return new ChildProcess(Process.Start(start) ?? throw new FfmpegNotFoundException(program), keepInput);
        }
        catch (Win32Exception)
        {
            throw new FfmpegNotFoundException(program);
        }
    }

    /// <summary>Runs <paramref name="program"/> to completion and returns its standard output as bytes.</summary>
    /// <exception cref="MediaException">The program exited with a non-zero status; the message quotes its error output.</exception>
    internal static byte[] Run(string program, string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        using var child = Start(program, arguments);
        using var buffer = new MemoryStream();
        using (cancellationToken.Register(child.Kill))
            child.Output.CopyTo(buffer);
        child.WaitForExitOrThrow(fileName, cancellationToken);
        return buffer.ToArray();
    }
}
