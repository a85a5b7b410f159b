namespace MlNetEmotion.Eeg.Montages;

/// <summary>Thrown when an electrode-position file cannot be parsed; the message names the file and line.</summary>
public sealed class MontageFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">File name (or built-in montage name).</param>
    /// <param name="line">1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    public MontageFormatException(string source, int line, string message)
        : base(line > 0 ? $"{source}, line {line}: {message}" : $"{source}: {message}")
    {
        FileName = source;
        Line = line;
    }

    /// <summary>File name or built-in montage name.</summary>
    public string FileName { get; }

    /// <summary>1-based line number, 0 when not tied to one line.</summary>
    public int Line { get; }
}
