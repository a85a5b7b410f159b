using System.ComponentModel;
using System.Diagnostics;

namespace MlNetEmotion.Audio.IO;

/// <summary>Where the <c>ffmpeg</c> and <c>ffprobe</c> executables are.</summary>
public sealed class FfmpegTools
{
    /// <summary>The tools found on <c>PATH</c>.</summary>
    public static FfmpegTools Default { get; } = new();

    /// <summary>The <c>ffmpeg</c> executable (name looked up on <c>PATH</c>, or a path). Default <c>ffmpeg</c>.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The <c>ffprobe</c> executable (name looked up on <c>PATH</c>, or a path). Default <c>ffprobe</c>.</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>Starts <paramref name="executable"/> with stdout and stderr redirected and stdin closed.</summary>
    /// <exception cref="FfmpegNotFoundException">The executable cannot be started.</exception>
    internal static Process Start(string executable, string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try
        {
            var process = Process.Start(start) ?? throw new FfmpegNotFoundException(executable, file);
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception)
        {
            throw new FfmpegNotFoundException(executable, file);
        }
    }
}

/// <summary><c>ffmpeg</c> or <c>ffprobe</c> is not installed; the message names the Debian package to install.</summary>
public sealed class FfmpegNotFoundException : FileNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="executable">The executable that could not be started.</param>
    /// <param name="file">The audio file it was needed for.</param>
    public FfmpegNotFoundException(string executable, string file)
        : base($"{file}: '{executable}' could not be started; decoding this file needs ffmpeg. Install the Debian package 'ffmpeg' (sudo apt-get install ffmpeg) or set FfmpegTools paths.", executable)
    {
    }
}
