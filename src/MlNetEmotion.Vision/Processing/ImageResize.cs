using System.Runtime.CompilerServices;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Processing;

/// <summary>How <see cref="ImageResize"/> interpolates.</summary>
public enum ResizeInterpolation
{
    /// <summary>Bilinear with pixel centres aligned, 8-bit fixed-point weights as OpenCV's <c>INTER_LINEAR_EXACT</c>
    /// (bit-exact; within one grey level of <c>INTER_LINEAR</c>).</summary>
    Bilinear,

    /// <summary>Pixel-area averaging for shrinking, as OpenCV's <c>INTER_AREA</c>; enlarging falls back to bilinear.</summary>
    Area,
}

/// <summary>Resizes 8-bit images (any channel count).</summary>
public static class ImageResize
{
    /// <summary>Resizes <paramref name="image"/> to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Image<byte> Resize(Image<byte> image, int width, int height,
        ResizeInterpolation interpolation = ResizeInterpolation.Bilinear)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (width == image.Width && height == image.Height) return image.Clone();
        bool shrinking = width <= image.Width && height <= image.Height;
        return interpolation == ResizeInterpolation.Area && shrinking
            ? AreaResize.Resize(image, width, height)
            : Bilinear(image, width, height);
    }

    /// <summary>Bit-exact fixed-point bilinear resize (OpenCV <c>INTER_LINEAR_EXACT</c>).</summary>
    internal static Image<byte> Bilinear(Image<byte> image, int width, int height)
    {
        var dst = new Image<byte>(width, height, image.Channels);
        BilinearInto(image.Pixels, image.Width, image.Height, image.Channels, dst.Pixels, width, height);
        return dst;
    }

    /// <summary>Bit-exact bilinear resize between raw HWC buffers; <paramref name="dst"/> must hold
    /// <c>dstWidth * dstHeight * channels</c> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BilinearInto(byte[] src, int srcWidth, int srcHeight, int channels,
        byte[] dst, int dstWidth, int dstHeight)
    {
        if (srcWidth == dstWidth && srcHeight == dstHeight)
        {
            Array.Copy(src, dst, srcWidth * srcHeight * channels);
            return;
        }
        var (xOffset, xWeight) = Taps(srcWidth, dstWidth);
        var (yOffset, yWeight) = Taps(srcHeight, dstHeight);
        int rowLength = dstWidth * channels;
        var rowA = new int[rowLength];
        var rowB = new int[rowLength];
        int rowAIndex = -1, rowBIndex = -1;
        for (int y = 0; y < dstHeight; y++)
        {
            int sy = yOffset[y];
            int wy1 = yWeight[y], wy0 = 256 - wy1;
            int sy1 = wy1 == 0 ? sy : sy + 1;
            if (rowAIndex != sy)
            {
                if (rowBIndex == sy) (rowA, rowB, rowAIndex, rowBIndex) = (rowB, rowA, rowBIndex, rowAIndex);
                else HorizontalPass(src, srcWidth, channels, sy, xOffset, xWeight, rowA, dstWidth);
                rowAIndex = sy;
            }
            if (rowBIndex != sy1)
            {
                HorizontalPass(src, srcWidth, channels, sy1, xOffset, xWeight, rowB, dstWidth);
                rowBIndex = sy1;
            }
            int o = y * rowLength;
            for (int i = 0; i < rowLength; i++)
            {
                int v = rowA[i] * wy0 + rowB[i] * wy1;
                dst[o + i] = (byte)Math.Min(255, (v + 32768) >> 16);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HorizontalPass(byte[] src, int srcWidth, int channels, int sy, int[] xOffset, int[] xWeight, int[] row, int dstWidth)
    {
        int rowStart = sy * srcWidth * channels;
        for (int x = 0; x < dstWidth; x++)
        {
            int s = rowStart + xOffset[x] * channels;
            int w1 = xWeight[x], w0 = 256 - w1;
            int d = x * channels;
            if (w1 == 0)
                for (int c = 0; c < channels; c++) row[d + c] = src[s + c] * 256;
            else
                for (int c = 0; c < channels; c++) row[d + c] = src[s + c] * w0 + src[s + channels + c] * w1;
        }
    }

    /// <summary>Source index and 8-bit weight of the second tap for each destination index: source coordinate
    /// <c>(d + 0.5) * src / dst - 0.5</c>, clamped to the edge pixels.</summary>
    private static (int[] Offset, int[] Weight) Taps(int srcSize, int dstSize)
    {
        double scale = 1.0 / ((double)dstSize / srcSize);
        var offset = new int[dstSize];
        var weight = new int[dstSize];
        for (int d = 0; d < dstSize; d++)
        {
            double f = scale * (d + 0.5) - 0.5;
            int i = (int)Math.Floor(f);
            if (i >= 0 && srcSize > 1)
            {
                if (i < srcSize - 1)
                {
                    offset[d] = i;
                    weight[d] = (int)Math.Round((f - i) * 256.0, MidpointRounding.ToEven);
                }
                else offset[d] = srcSize - 1;
            }
        }
        return (offset, weight);
    }
}
