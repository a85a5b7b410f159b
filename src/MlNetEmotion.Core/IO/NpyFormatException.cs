namespace MlNetEmotion.Core.IO;

/// <summary>Raised (an <see cref="IOException"/>, since the BCL seals <see cref="InvalidDataException"/>) when a <c>.npy</c> file is malformed or uses a feature this reader does not support.</summary>
public sealed class NpyFormatException : IOException
{
    /// <summary>Creates the exception with a message that names the file and the fault.</summary>
    /// <param name="message">What was found and what was expected.</param>
    public NpyFormatException(string message) : base(message)
    {
    }
}
