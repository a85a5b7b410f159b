using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Features;

/// <summary>A frozen network that turns face crops into spatial feature maps.</summary>
public interface IFaceFeatureBackbone
{
    /// <summary>Shape of one face's map: channels, height, width.</summary>
    (int Channels, int Height, int Width) MapShape { get; }

    /// <summary>The maps of <paramref name="faces"/>, face-major <c>[N, C, H, W]</c>, written into <paramref name="destination"/>.</summary>
    /// <param name="faces">Face crops of any size.</param>
    /// <param name="destination">N · C · H · W values.</param>
    void Compute(IReadOnlyList<Image<byte>> faces, Span<float> destination);
}
