using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Processing;

/// <summary>Shrinking by pixel-area averaging: each destination pixel is the mean of the source area it covers,
/// with partial pixels weighted by their covered fraction (OpenCV <c>INTER_AREA</c>).</summary>
internal static class AreaResize
{
    public static Image<byte> Resize(Image<byte> image, int width, int height)
    {
        int ch = image.Channels;
        var xs = Weights(image.Width, width);
        var ys = Weights(image.Height, height);
        var dst = new Image<byte>(width, height, ch);
        var src = image.Pixels;
        var acc = new double[width * ch];
        var row = new double[width * ch];
        for (int y = 0; y < height; y++)
        {
            Array.Clear(acc);
            foreach (var (sy, wy) in ys[y])
            {
                Array.Clear(row);
                int srow = sy * image.Width * ch;
                for (int x = 0; x < width; x++)
                    foreach (var (sx, wx) in xs[x])
                        for (int c = 0; c < ch; c++) row[x * ch + c] += src[srow + sx * ch + c] * wx;
                for (int i = 0; i < acc.Length; i++) acc[i] += row[i] * wy;
            }
            int o = y * width * ch;
            for (int i = 0; i < acc.Length; i++)
                dst.Pixels[o + i] = (byte)Math.Clamp(Math.Round(acc[i], MidpointRounding.ToEven), 0, 255);
        }
        return dst;
    }

    /// <summary>For each destination index, the source indices it covers and their weights (summing to 1).</summary>
    private static List<(int Index, double Weight)>[] Weights(int srcSize, int dstSize)
    {
        double scale = (double)srcSize / dstSize;
        var result = new List<(int, double)>[dstSize];
        for (int d = 0; d < dstSize; d++)
        {
            double start = d * scale, end = start + scale;
            var list = new List<(int, double)>();
            for (int s = (int)Math.Floor(start); s < Math.Min(srcSize, (int)Math.Ceiling(end)); s++)
            {
                double overlap = Math.Min(end, s + 1) - Math.Max(start, s);
                if (overlap > 1e-9) list.Add((s, overlap / scale));
            }
            result[d] = list;
        }
        return result;
    }
}
