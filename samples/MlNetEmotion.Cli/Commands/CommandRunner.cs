using System.CommandLine;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Datasets.Manifests;
using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Signals;
using MlNetEmotion.Vision.Detection;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The error handling of every command: any failure becomes one line on stderr (no stack trace unless
/// <c>--verbose</c>) and an exit code: 2 for an unusable option value, 1 for bad data, an output that cannot be
/// written, or anything unexpected.</summary>
internal static class CommandRunner
{
    /// <summary>The recursive <c>--verbose</c> option: also print the full exception.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "On error, also print the full exception.", Recursive = true };

    /// <summary>Runs <paramref name="action"/> and returns the exit code.</summary>
    public static int Run(ParseResult parse, Action action)
    {
        try
        {
            action();
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            var error = parse.InvocationConfiguration.Error;
            error.WriteLine($"error: {OneLine(e)}");
            if (parse.GetResult(Verbose)?.GetValueOrDefault<bool>() == true) error.WriteLine(e);
            return IsUsage(e) ? ExitCodes.Usage : ExitCodes.DataError;
        }
    }

    /// <summary>Option problems: <see cref="UsageException"/> and the argument and format errors that options classes
    /// throw (a montage that lacks the file's channels included), except those that describe file content (a malformed
    /// montage or cascade file, non-finite samples).</summary>
    private static bool IsUsage(Exception e) => e switch
    {
        UsageException => true,
        MontageFormatException or CascadeFormatException or NonFiniteSampleException => false,
        ArgumentException or FormatException => true,
        _ => false,
    };

    private static string OneLine(Exception e)
    {
        string message = e switch
        {
            OutOfMemoryException => "out of memory: the input is too large for the options given.",
            UsageException or IOException or UnauthorizedAccessException or ArgumentException or FormatException
                or InvalidOperationException or ManifestException => e.Message,
            _ => $"{e.Message} ({e.GetType().Name}; --verbose shows the details)",
        };
        return message.ReplaceLineEndings(" ").Trim();
    }
}
