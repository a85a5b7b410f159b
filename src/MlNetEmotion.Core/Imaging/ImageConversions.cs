namespace MlNetEmotion.Core.Imaging;

/// <summary>Conversions between sample types and channel layouts.</summary>
public static class ImageConversions
{
    /// <summary>Greyscale with OpenCV 4.6's <c>cvtColor(RGB2GRAY)</c> fixed-point weights
    /// (Y = (9798 R + 19235 G + 3735 B + 16384) &gt;&gt; 15), so detectors see exactly OpenCV's grey levels.
    /// Grey input is copied; alpha is dropped.</summary>
    public static Image<byte> ToGrey(this Image<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grey = new Image<byte>(image.Width, image.Height, 1);
        var src = image.Pixels;
        var dst = grey.Pixels;
        int ch = image.Channels;
        if (ch <= 2)
        {
            for (int i = 0; i < dst.Length; i++) dst[i] = src[i * ch];
            return grey;
        }
        for (int i = 0, s = 0; i < dst.Length; i++, s += ch)
            dst[i] = (byte)((src[s] * 9798 + src[s + 1] * 19235 + src[s + 2] * 3735 + 16384) >> 15);
        return grey;
    }

    /// <summary>Greyscale of a float image with weights 0.299, 0.587, 0.114; grey input is copied; alpha is dropped.</summary>
    public static Image<float> ToGrey(this Image<float> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grey = new Image<float>(image.Width, image.Height, 1);
        var src = image.Pixels;
        var dst = grey.Pixels;
        int ch = image.Channels;
        for (int i = 0, s = 0; i < dst.Length; i++, s += ch)
            dst[i] = ch <= 2 ? src[s] : 0.299f * src[s] + 0.587f * src[s + 1] + 0.114f * src[s + 2];
        return grey;
    }

    /// <summary>Three-channel RGB: grey is replicated, alpha is dropped (not composited), RGB is copied.</summary>
    public static Image<T> ToRgb<T>(this Image<T> image) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        var rgb = new Image<T>(image.Width, image.Height, 3);
        var src = image.Pixels;
        var dst = rgb.Pixels;
        int ch = image.Channels;
        for (int i = 0, s = 0, d = 0; i < image.Width * image.Height; i++, s += ch, d += 3)
        {
            if (ch <= 2) dst[d] = dst[d + 1] = dst[d + 2] = src[s];
            else
            {
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return rgb;
    }

    /// <summary>Float samples <c>value * scale</c>; the default scale maps 0..255 to [0, 1].</summary>
    public static Image<float> ToFloat(this Image<byte> image, float scale = 1f / 255f)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new Image<float>(image.Width, image.Height, image.Channels);
        var src = image.Pixels;
        var dst = result.Pixels;
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] * scale;
        return result;
    }

    /// <summary>Byte samples <c>round(value * scale)</c> clamped to 0..255; the default scale maps [0, 1] to 0..255.
    /// NaN becomes 0.</summary>
    public static Image<byte> ToBytes(this Image<float> image, float scale = 255f)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new Image<byte>(image.Width, image.Height, image.Channels);
        var src = image.Pixels;
        var dst = result.Pixels;
        for (int i = 0; i < src.Length; i++)
        {
            float v = MathF.Round(src[i] * scale);
            dst[i] = v >= 255f ? (byte)255 : v > 0f ? (byte)v : (byte)0;
        }
        return result;
    }
}
