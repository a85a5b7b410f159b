namespace MlNetEmotion.Audio.IO;

/// <summary>Summary of an audio file or of a video file's first audio track.</summary>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="Channels">Number of channels.</param>
/// <param name="DurationSeconds">Duration in seconds.</param>
/// <param name="Codec">Codec in ffmpeg's naming, e.g. <c>pcm_s16le</c>, <c>mp3</c>, <c>aac</c>.</param>
/// <param name="Container">Container format, e.g. <c>wav</c>, <c>mov,mp4,m4a,3gp,3g2,mj2</c>, <c>raw</c>.</param>
public sealed record AudioInfo(int SampleRate, int Channels, double DurationSeconds, string Codec, string Container);
