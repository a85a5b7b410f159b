using System.CommandLine;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The error handling shared by the file-processing commands.</summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="action"/>, turning bad input into a one-line message on stderr and exit code 1
    /// (2 for bad options: <see cref="FormatException"/>, <see cref="ArgumentException"/>). I/O and access errors are
    /// bad input; <paramref name="alsoBadInput"/> adds more (e.g. the face commands' "no face" errors).</summary>
    public static int Run(ParseResult parse, Action action, Func<Exception, bool>? alsoBadInput = null)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or UnauthorizedAccessException
                                  || alsoBadInput?.Invoke(e) == true)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return e is FormatException or ArgumentException ? 2 : 1;
        }
    }
}
