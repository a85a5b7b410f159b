namespace MlNetEmotion.Core.IO;

/// <summary>An output path that <see cref="AtomicFile"/> will not write: it names a directory, a symbolic link, a
/// device, a FIFO, a socket or another special file. Only regular files (or free names) are written.</summary>
public sealed class OutputPathException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The output path given.</param>
    /// <param name="kind">What is there (e.g. "character device", "symbolic link").</param>
    public OutputPathException(string path, string kind)
        : base($"'{path}' is a {kind}; outputs are written only as regular files (give a new file name"
               + (kind == "symbolic link" ? ", or the link's target" : "") + ").")
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The output path given.</summary>
    public string Path { get; }

    /// <summary>What is at the path.</summary>
    public string Kind { get; }
}
