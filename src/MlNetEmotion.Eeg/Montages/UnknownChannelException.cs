namespace MlNetEmotion.Eeg.Montages;

/// <summary>Thrown when channels have no position in the montage a step requires.</summary>
public sealed class UnknownChannelException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="channels"/> missing from <paramref name="montage"/>.</summary>
    public UnknownChannelException(string montage, IReadOnlyList<string> channels)
        : base($"Montage '{montage}' has no position for channel(s) {string.Join(", ", channels.Select(c => $"'{c}'"))} " +
               "(matching ignores case and dots); pick another montage or drop these channels.")
    {
        Montage = montage;
        Channels = channels;
    }

    /// <summary>Name of the montage.</summary>
    public string Montage { get; }

    /// <summary>The channel names that were not found.</summary>
    public IReadOnlyList<string> Channels { get; }
}
