namespace MlNetEmotion.Eeg;

/// <summary>
/// Raised when an EEG file is malformed or fails validation. Derives from <see cref="IOException"/>
/// (the BCL seals <see cref="InvalidDataException"/>); the message names the file, the channel where
/// one is at fault, the value found and what was expected.
/// </summary>
public sealed class EegFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file at fault (or a descriptive source name).</param>
    /// <param name="channel">The channel at fault, or null when the fault is not in one channel.</param>
    /// <param name="detail">What was found and what was expected.</param>
    public EegFormatException(string filePath, string? channel, string detail)
        : base(channel is null ? $"{filePath}: {detail}" : $"{filePath}, channel '{channel}': {detail}")
    {
        FilePath = filePath;
        Channel = channel;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>The channel at fault, or null.</summary>
    public string? Channel { get; }
}
