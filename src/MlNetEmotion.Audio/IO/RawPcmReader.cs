namespace MlNetEmotion.Audio.IO;

/// <summary>Reads headerless little-endian PCM: the caller supplies encoding, channels and rate.</summary>
public static class RawPcmReader
{
    /// <summary>Reads a whole raw PCM file.</summary>
    /// <param name="path">File of interleaved little-endian samples.</param>
    /// <param name="format">Sample encoding.</param>
    /// <param name="channels">Channels per frame.</param>
    /// <param name="sampleRate">Frames per second.</param>
    /// <exception cref="AudioFormatException">The file is empty, not a whole number of frames, or holds non-finite floats.</exception>
    public static AudioBuffer Read(string path, AudioSampleFormat format, int channels, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        byte[] bytes = File.ReadAllBytes(path);
        int frame = format.BytesPerSample() * channels;
        if (bytes.Length == 0)
            throw new AudioFormatException(path, "data", "zero-length audio: the file is empty.");
        if (bytes.Length % frame != 0)
            throw new AudioFormatException(path, "file size", $"{bytes.Length} bytes is not a whole number of {frame}-byte frames ({channels} x {format}).");
        var samples = new float[bytes.Length / format.BytesPerSample()];
        format.Decode(bytes, samples);
        if (format is AudioSampleFormat.Float32 or AudioSampleFormat.Float64)
            WavReader.CheckFinite(samples, channels, path);
        return new AudioBuffer(samples, sampleRate, channels);
    }
}
