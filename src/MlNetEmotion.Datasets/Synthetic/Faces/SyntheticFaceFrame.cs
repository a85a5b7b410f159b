using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>One frame of a synthetic face video.</summary>
/// <param name="Index">Frame number from 0.</param>
/// <param name="TimestampSeconds">Index / frame rate.</param>
/// <param name="Image">The RGB frame.</param>
/// <param name="Face">Where the face is: the box a frontal-face detector should report (see
/// <see cref="SyntheticFaceRenderer.FaceBox"/>).</param>
/// <param name="Expression">The expression drawn, blinks included.</param>
public sealed record SyntheticFaceFrame(long Index, double TimestampSeconds, Image<byte> Image, BoundingBox Face,
    FaceExpressionParameters Expression);
