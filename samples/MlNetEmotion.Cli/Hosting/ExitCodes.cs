namespace MlNetEmotion.Cli.Hosting;

/// <summary>The exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done; every output was written completely.</summary>
    public const int Success = 0;

    /// <summary>Bad data or environment: an unreadable or malformed input file, an output that cannot be written (or
    /// is not a regular file), or an unexpected failure. Outputs keep their previous content.</summary>
    public const int DataError = 1;

    /// <summary>Bad usage: an unknown option, or an option value of the wrong type or outside its range.</summary>
    public const int Usage = 2;
}
