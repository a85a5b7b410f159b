namespace MlNetEmotion.Vision.Media;

/// <summary>What <c>ffprobe</c> reports about a file's first video stream.</summary>
/// <param name="Width">Width in pixels of the frames as decoded, after the display rotation.</param>
/// <param name="Height">Height in pixels of the frames as decoded, after the display rotation.</param>
/// <param name="FrameRateNumerator">Native frame rate numerator (ffprobe <c>r_frame_rate</c>).</param>
/// <param name="FrameRateDenominator">Native frame rate denominator.</param>
/// <param name="DurationSeconds">Stream (or container) duration in seconds; 0 when unknown (a still image).</param>
/// <param name="FrameCount">Number of frames: ffprobe's <c>nb_frames</c>, or the stream's packets counted by demuxing when the
/// container does not store it; -1 when not requested.</param>
/// <param name="StartSeconds">Presentation time of the first frame in seconds.</param>
public sealed record VideoInfo(int Width, int Height, int FrameRateNumerator, int FrameRateDenominator,
    double DurationSeconds, long FrameCount, double StartSeconds)
{
    /// <summary>Native frames per second.</summary>
    public double FrameRate => (double)FrameRateNumerator / FrameRateDenominator;

    /// <summary>Display rotation stored with the stream (0, 90, 180 or 270 degrees, as phone cameras write it); ffmpeg
    /// applies it while decoding, and <see cref="Width"/> and <see cref="Height"/> already describe the rotated frames.</summary>
    public int RotationDegrees { get; init; }
}
