using System.Numerics.Tensors;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Writes an 8-bit HWC image as normalised float planes, channel first (CHW), with the arithmetic of
/// <see cref="ImageNormalization.Normalize"/> (same operations in the same order, so bit-identical), vectorised per plane.</summary>
internal static class ChannelFirstPixels
{
    /// <summary>Fills <paramref name="destination"/> (<c>channels * height * width</c> floats) from <paramref name="image"/>.</summary>
    public static void Write(Image<byte> image, NormalizationKind kind, Span<float> destination)
    {
        int plane = image.Width * image.Height, channels = image.Channels;
        var src = image.Pixels;
        if (channels == 1) TensorPrimitives.ConvertChecked<byte, float>(src, destination[..plane]);
        else
            for (int p = 0, s = 0; p < plane; p++, s += channels)
                for (int c = 0; c < channels; c++) destination[c * plane + p] = src[s + c];
        for (int c = 0; c < channels; c++)
        {
            var values = destination.Slice(c * plane, plane);
            switch (kind)
            {
                case NormalizationKind.ZeroToOne:
                    TensorPrimitives.Divide(values, 255f, values);
                    break;
                case NormalizationKind.MinusOneToOne:
                    TensorPrimitives.Divide(values, 127.5f, values);
                    TensorPrimitives.Subtract(values, 1f, values);
                    break;
                case NormalizationKind.ImageNet:
                    TensorPrimitives.Divide(values, 255f, values);
                    TensorPrimitives.Subtract(values, ImageNormalization.ImageNetMean[c], values);
                    TensorPrimitives.Divide(values, ImageNormalization.ImageNetStd[c], values);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown normalisation.");
            }
        }
    }
}
