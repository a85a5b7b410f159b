using System.Text.Json;
using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Audio.Tools;

/// <summary>The <c>mlnet-emotion audio info</c> report: a JSON summary of an audio or video file's audio.</summary>
public static class AudioInfoReport
{
    /// <summary>Describes <paramref name="path"/> as JSON:
    /// <c>{"file", "rate", "channels", "duration", "codec", "container"}</c> (rate in Hz, duration in seconds, codec
    /// and container in ffmpeg's naming).</summary>
    /// <param name="path">Audio or video file.</param>
    /// <param name="options">Raw PCM layout and expected rate; null for the defaults.</param>
    /// <exception cref="AudioFormatException">The file is malformed or disagrees with the options.</exception>
    public static string ToJson(string path, AudioReadOptions? options = null)
    {
        var info = AudioFile.Info(path, options);
        return JsonSerializer.Serialize(new
        {
            file = path,
            rate = info.SampleRate,
            channels = info.Channels,
            duration = Math.Round(info.DurationSeconds, 6),
            codec = info.Codec,
            container = info.Container,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
