namespace MlNetEmotion.Audio.IO;

/// <summary>An audio file is malformed, truncated, unsupported or disagrees with the caller's options. The message
/// names the file and the header field or sample at fault.</summary>
public class AudioFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">Path (or stream name) of the audio.</param>
    /// <param name="field">Header field, chunk, option or sample at fault, e.g. <c>fmt chunk: bits per sample</c>.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public AudioFormatException(string file, string field, string problem)
        : base($"{file}: {field}: {problem}")
    {
        File = file;
        Field = field;
    }

    /// <summary>Path (or stream name) of the audio.</summary>
    public string File { get; }

    /// <summary>Header field, chunk, option or sample at fault.</summary>
    public string Field { get; }
}

/// <summary>A well-formed WAV file uses an encoding this reader does not decode itself (e.g. A-law, ADPCM, MP3 in
/// WAV); <see cref="AudioFile.Read"/> hands such files to <c>ffmpeg</c>.</summary>
public sealed class UnsupportedAudioFormatException : AudioFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">Path of the audio.</param>
    /// <param name="field">Field holding the unsupported value.</param>
    /// <param name="problem">The value and what is supported.</param>
    public UnsupportedAudioFormatException(string file, string field, string problem) : base(file, field, problem) { }
}
