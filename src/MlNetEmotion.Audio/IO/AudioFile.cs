using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Audio.IO;

/// <summary>One entry point for reading audio whatever the file: WAV (read here), raw PCM (read here) or anything
/// else through <c>ffmpeg</c> (MP3, Ogg, FLAC, AAC, the audio track of a video file, ...).</summary>
public static class AudioFile
{
    private static readonly string[] RawExtensions = [".raw", ".pcm", ".s16", ".s16le", ".f32", ".f32le"];

    /// <summary>Reads the whole of <paramref name="path"/>.</summary>
    /// <param name="path">Audio or video file.</param>
    /// <param name="options">Expected rate, mono mix-down and raw PCM layout; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels an ffmpeg decode (the child process is killed and reaped).</param>
    /// <returns>The decoded audio.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The file is malformed, empty, holds non-finite samples, or its rate
    /// disagrees with <see cref="AudioReadOptions.SampleRate"/>.</exception>
    /// <exception cref="FfmpegNotFoundException">A non-WAV file needs ffmpeg and it is not installed.</exception>
    public static AudioBuffer Read(string path, AudioReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AudioReadOptions();
        if (!File.Exists(path)) throw new FileNotFoundException($"Audio file '{path}' does not exist.", path);
        AudioBuffer audio;
        if (IsRaw(path, options))
        {
            if (options.SampleRate is not int rate)
                throw new AudioFormatException(path, "sample rate option", "raw PCM has no header: give the sample rate.");
            audio = RawPcmReader.Read(path, options.RawFormat, options.RawChannels, rate, options.Limits);
        }
        else if (IsWav(path))
        {
            try
            {
                audio = WavReader.Read(path, options.Limits);
            }
            catch (UnsupportedAudioFormatException)
            {
                // A valid WAV in an encoding we do not decode (A-law, ADPCM, ...): ffmpeg does.
                audio = ReadWithFfmpeg(path, options, cancellationToken);
            }
        }
        else
        {
            audio = ReadWithFfmpeg(path, options, cancellationToken);
        }
        CheckRate(path, audio.SampleRate, options);
        return options.Mono ? audio.Mono() : audio;
    }

    /// <summary>Describes <paramref name="path"/>: WAV and raw PCM from their header or options, other files with
    /// <c>ffprobe</c>.</summary>
    /// <param name="path">Audio or video file.</param>
    /// <param name="options">Raw PCM layout and expected rate; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The header is malformed or the rate disagrees with the options.</exception>
    public static AudioInfo Info(string path, AudioReadOptions? options = null)
    {
        options ??= new AudioReadOptions();
        if (!File.Exists(path)) throw new FileNotFoundException($"Audio file '{path}' does not exist.", path);
        AudioInfo info;
        if (IsRaw(path, options))
        {
            if (options.SampleRate is not int rate)
                throw new AudioFormatException(path, "sample rate option", "raw PCM has no header: give the sample rate.");
            long frames = new FileInfo(path).Length / (options.RawFormat.BytesPerSample() * options.RawChannels);
            info = new AudioInfo(rate, options.RawChannels, (double)frames / rate, options.RawFormat.CodecName(), "raw");
        }
        else if (IsWav(path))
        {
            try
            {
                var h = WavReader.ReadHeader(path, options.Limits);
                info = new AudioInfo(h.SampleRate, h.Channels, h.DurationSeconds, h.SampleFormat.CodecName(), "wav");
            }
            catch (UnsupportedAudioFormatException)
            {
                info = FfmpegAudioStream.Probe(path, options.Tools);
            }
        }
        else
        {
            info = FfmpegAudioStream.Probe(path, options.Tools);
        }
        CheckRate(path, info.SampleRate, options);
        return info;
    }

    private static AudioBuffer ReadWithFfmpeg(string path, AudioReadOptions options, CancellationToken cancellationToken)
    {
        using var stream = FfmpegAudioStream.Open(path, tools: options.Tools);
        CheckRate(path, stream.SampleRate, options);
        return stream.ReadToEnd(cancellationToken);
    }

    private static void CheckRate(string path, int fileRate, AudioReadOptions options)
    {
        if (options.SampleRate is int expected && expected != fileRate)
            throw new AudioFormatException(path, "sample rate",
                $"the file is sampled at {fileRate} Hz but {expected} Hz was requested; resample explicitly (Resample) or drop the sample-rate option.");
    }

    private static bool IsRaw(string path, AudioReadOptions options) =>
        options.Raw || RawExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool IsWav(string path)
    {
        // Sniff the magic rather than trust the extension.
        Span<byte> magic = stackalloc byte[4];
        using var stream = InputFile.OpenRead(path, null, detail => new AudioFormatException(path, "file", detail), 16);
        if (stream.Read(magic) < 4) return Path.GetExtension(path).Equals(".wav", StringComparison.OrdinalIgnoreCase);
        return magic.SequenceEqual("RIFF"u8) || magic.SequenceEqual("RF64"u8) || magic.SequenceEqual("BW64"u8)
            || Path.GetExtension(path).Equals(".wav", StringComparison.OrdinalIgnoreCase);
    }
}
