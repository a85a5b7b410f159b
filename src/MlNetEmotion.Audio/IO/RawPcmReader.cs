using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Audio.IO;

/// <summary>Reads headerless little-endian PCM: the caller supplies encoding, channels and rate.</summary>
public static class RawPcmReader
{
    /// <summary>Reads a whole raw PCM file.</summary>
    /// <param name="path">File of interleaved little-endian samples.</param>
    /// <param name="format">Sample encoding.</param>
    /// <param name="channels">Channels per frame.</param>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="AudioFormatException">The file is empty, not a whole number of frames, holds non-finite floats or exceeds a limit.</exception>
    public static AudioBuffer Read(string path, AudioSampleFormat format, int channels, int sampleRate, ReadLimits? limits = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        limits ??= ReadLimits.Default;
        Func<string, Exception> error = detail => new AudioFormatException(path, "file size", detail);
        long length = InputFile.Check(path, limits, error);
        ReadLimits.Check(length / format.BytesPerSample(), limits.MaxElements, "the sample count", nameof(ReadLimits.MaxElements), error);
        byte[] bytes = InputFile.ReadAllBytes(path, limits, error);
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
