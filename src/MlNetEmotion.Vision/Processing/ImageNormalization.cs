using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Processing;

/// <summary>Pixel scalings that networks expect.</summary>
public enum NormalizationKind
{
    /// <summary>v / 255, in [0, 1].</summary>
    ZeroToOne,

    /// <summary>v / 127.5 - 1, in [-1, 1].</summary>
    MinusOneToOne,

    /// <summary>(v / 255 - mean) / std per RGB channel with ImageNet's mean (0.485, 0.456, 0.406) and
    /// std (0.229, 0.224, 0.225) (torchvision convention); needs 3 channels.</summary>
    ImageNet,
}

/// <summary>Converts 8-bit images to normalised float images.</summary>
public static class ImageNormalization
{
    /// <summary>ImageNet RGB channel means.</summary>
    public static IReadOnlyList<float> ImageNetMean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>ImageNet RGB channel standard deviations.</summary>
    public static IReadOnlyList<float> ImageNetStd { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>Normalises <paramref name="image"/> (HWC kept).</summary>
    /// <exception cref="ArgumentException"><see cref="NormalizationKind.ImageNet"/> on an image without 3 channels.</exception>
    public static Image<float> Normalize(Image<byte> image, NormalizationKind kind)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new Image<float>(image.Width, image.Height, image.Channels);
        var src = image.Pixels;
        var dst = result.Pixels;
        switch (kind)
        {
            case NormalizationKind.ZeroToOne:
                for (int i = 0; i < src.Length; i++) dst[i] = src[i] / 255f;
                break;
            case NormalizationKind.MinusOneToOne:
                for (int i = 0; i < src.Length; i++) dst[i] = src[i] / 127.5f - 1f;
                break;
            case NormalizationKind.ImageNet:
                if (image.Channels != 3)
                    throw new ArgumentException($"ImageNet normalisation needs an RGB image; this one has {image.Channels} channel(s).", nameof(image));
                for (int i = 0; i < src.Length; i++)
                {
                    int c = i % 3;
                    dst[i] = (src[i] / 255f - ImageNetMean[c]) / ImageNetStd[c];
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown normalisation.");
        }
        return result;
    }
}
