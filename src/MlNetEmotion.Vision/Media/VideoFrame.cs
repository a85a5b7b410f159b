using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Media;

/// <summary>One decoded frame.</summary>
/// <param name="Index">Index of the frame in the source stream (0 = first frame).</param>
/// <param name="TimestampSeconds">Presentation time in seconds from the stream start.</param>
/// <param name="Image">8-bit RGB pixels.</param>
public sealed record VideoFrame(long Index, double TimestampSeconds, Image<byte> Image);
