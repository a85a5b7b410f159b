using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Audio.IO;

/// <summary>Options of <see cref="AudioFile.Read"/>.</summary>
public sealed class AudioReadOptions
{
    /// <summary>The sample rate the caller expects. For WAV and compressed files a different rate in the file is an
    /// error (resample explicitly with <c>Resample</c> instead); for raw PCM it is the rate of the data and required.
    /// Default null (accept the file's rate).</summary>
    public int? SampleRate { get; init; }

    /// <summary>Mix all channels down to one (mean of channels, see <see cref="AudioBuffer.ToMono"/>). Default false.</summary>
    public bool Mono { get; init; }

    /// <summary>Raw PCM only: the sample encoding. Default <see cref="AudioSampleFormat.Int16"/>.</summary>
    public AudioSampleFormat RawFormat { get; init; } = AudioSampleFormat.Int16;

    /// <summary>Raw PCM only: interleaved channels. Default 1.</summary>
    public int RawChannels { get; init; } = 1;

    /// <summary>Treat the file as headerless PCM whatever its extension. Default false (only <c>.raw</c>, <c>.pcm</c>
    /// and <c>.s16</c> files, and the like, are raw).</summary>
    public bool Raw { get; init; }

    /// <summary>Resource limits (file size, samples) checked before anything is allocated; a file over one is refused with
    /// <see cref="AudioFormatException"/>. Default <see cref="ReadLimits.Default"/>.</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>Location of ffmpeg/ffprobe for non-WAV files. Default <see cref="FfmpegTools.Default"/>.</summary>
    public FfmpegTools Tools { get; init; } = FfmpegTools.Default;
}
