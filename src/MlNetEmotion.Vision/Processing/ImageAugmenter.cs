using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Processing;

/// <summary>Options of <see cref="ImageAugmenter"/> (paper 004: random crop and rotation).</summary>
public sealed class AugmentationOptions
{
    /// <summary>Side of the random crop as a fraction of the image side, in (0, 1]; 1 disables. Default 0.9.
    /// The crop is resized back to the input size.</summary>
    public double CropFraction { get; set; } = 0.9;

    /// <summary>Rotation drawn uniformly from [-MaxRotationDegrees, +MaxRotationDegrees]; 0 disables. Default 10.</summary>
    public double MaxRotationDegrees { get; set; } = 10;

    /// <summary>Probability of a horizontal flip. Default 0.5.</summary>
    public double FlipProbability { get; set; } = 0.5;
}

/// <summary>Seeded random crop, rotation and horizontal flip; the same seed gives bit-identical outputs.</summary>
public sealed class ImageAugmenter
{
    private readonly AugmentationOptions _options;
    private readonly Random _random;

    /// <summary>Creates an augmenter drawing from <paramref name="seed"/>.</summary>
    public ImageAugmenter(AugmentationOptions? options = null, int seed = 0)
    {
        _options = options ?? new AugmentationOptions();
        if (!(_options.CropFraction > 0 && _options.CropFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), _options.CropFraction, "CropFraction must be in (0, 1].");
        if (!(_options.FlipProbability >= 0 && _options.FlipProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), _options.FlipProbability, "FlipProbability must be in [0, 1].");
        _random = new Random(seed);
    }

    /// <summary>Returns an augmented copy of <paramref name="image"/> with the same size.</summary>
    public Image<byte> Augment(Image<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = image;
        if (_options.CropFraction < 1)
        {
            int cw = Math.Max(1, (int)Math.Round(image.Width * _options.CropFraction));
            int chh = Math.Max(1, (int)Math.Round(image.Height * _options.CropFraction));
            int x = _random.Next(image.Width - cw + 1), y = _random.Next(image.Height - chh + 1);
            var crop = Faces.FaceCropper.Crop(image, new Detection.BoundingBox(x, y, cw, chh));
            result = ImageResize.Resize(crop, image.Width, image.Height);
        }
        if (_options.MaxRotationDegrees > 0)
            result = Rotate(result, (_random.NextDouble() * 2 - 1) * _options.MaxRotationDegrees);
        if (_random.NextDouble() < _options.FlipProbability) result = FlipHorizontal(result);
        return ReferenceEquals(result, image) ? image.Clone() : result;
    }

    /// <summary>Mirror image left to right.</summary>
    public static Image<byte> FlipHorizontal(Image<byte> image)
    {
        var dst = new Image<byte>(image.Width, image.Height, image.Channels);
        int ch = image.Channels;
        for (int y = 0; y < image.Height; y++)
        {
            var s = image.Row(y);
            var d = dst.Row(y);
            for (int x = 0; x < image.Width; x++) s.Slice((image.Width - 1 - x) * ch, ch).CopyTo(d[(x * ch)..]);
        }
        return dst;
    }

    /// <summary>Rotates about the image centre by <paramref name="degrees"/> (counter-clockwise), bilinear, edge pixels
    /// replicated outside the source.</summary>
    public static Image<byte> Rotate(Image<byte> image, double degrees)
    {
        var dst = new Image<byte>(image.Width, image.Height, image.Channels);
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        double cx = (image.Width - 1) / 2.0, cy = (image.Height - 1) / 2.0;
        int ch = image.Channels;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                // Inverse mapping: where in the source does this output pixel come from.
                double dx = x - cx, dy = y - cy;
                double sx = cos * dx - sin * dy + cx, sy = sin * dx + cos * dy + cy;
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                double fx = sx - x0, fy = sy - y0;
                for (int c = 0; c < ch; c++)
                {
                    double v = (1 - fy) * ((1 - fx) * At(image, x0, y0, c) + fx * At(image, x0 + 1, y0, c))
                               + fy * ((1 - fx) * At(image, x0, y0 + 1, c) + fx * At(image, x0 + 1, y0 + 1, c));
                    dst[y, x, c] = (byte)Math.Clamp(Math.Round(v), 0, 255);
                }
            }
        }
        return dst;
    }

    private static byte At(Image<byte> image, int x, int y, int c) =>
        image[Math.Clamp(y, 0, image.Height - 1), Math.Clamp(x, 0, image.Width - 1), c];
}
