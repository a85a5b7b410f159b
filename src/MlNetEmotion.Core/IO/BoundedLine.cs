using System.Text;

namespace MlNetEmotion.Core.IO;

/// <summary>Reads text lines no longer than a limit, so that a file without line breaks cannot grow one string without bound.</summary>
public static class BoundedLine
{
    /// <summary>Reads the next line (without its <c>\n</c> or <c>\r\n</c>), or null at the end of the text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="maxChars">Longest line accepted.</param>
    /// <param name="lineNumber">The line's 1-based number (for the message).</param>
    /// <param name="error">Builds the reader's typed exception from a detail message.</param>
    public static string? Read(TextReader reader, int maxChars, int lineNumber, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(error);
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n') return TrimReturn(line);
            if (line.Length >= maxChars)
                throw error($"line {lineNumber} is longer than {maxChars} characters (the limit ReadLimits.{nameof(ReadLimits.MaxElements)} allows).");
            line.Append((char)c);
        }
        return line.Length == 0 ? null : TrimReturn(line);
    }

    private static string TrimReturn(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        return line.ToString();
    }
}
