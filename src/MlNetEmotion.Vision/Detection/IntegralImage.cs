using System.Runtime.CompilerServices;
namespace MlNetEmotion.Vision.Detection;

/// <summary>Integral images with one extra leading row and column of zeros, as OpenCV's <c>cv::integral</c>:
/// sum, squared sum and the 45° tilted sum. All in 32-bit integers that wrap like OpenCV's <c>CV_32S</c>
/// buffers; differences over a detection window are exact.</summary>
internal static class IntegralImage
{
    /// <summary>Fills <paramref name="sum"/> and <paramref name="squares"/> ((w+1) x (h+1) each, row stride w+1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(ReadOnlySpan<byte> image, int width, int height, Span<int> sum, Span<int> squares)
    {
        int stride = width + 1;
        sum[..stride].Clear();
        squares[..stride].Clear();
        for (int y = 0; y < height; y++)
        {
            int row = (y + 1) * stride, above = y * stride;
            sum[row] = 0;
            squares[row] = 0;
            int s = 0, q = 0;
            var pixels = image.Slice(y * width, width);
            for (int x = 0; x < width; x++)
            {
                int v = pixels[x];
                s += v;
                q += v * v;
                sum[row + x + 1] = sum[above + x + 1] + s;
                squares[row + x + 1] = unchecked(squares[above + x + 1] + q);
            }
        }
    }

    /// <summary>Fills <paramref name="tilted"/> ((w+1) x (h+1)): <c>T(X, Y)</c> is the sum of pixels (x, y) with
    /// y &lt; Y and |x - X + 1| &lt;= Y - y - 1, the upward triangle whose apex is pixel (X - 1, Y - 1).</summary>
    /// <remarks>Computed row by row from two diagonal running sums of row prefix sums: the right edge of the triangle
    /// (clamped to the image) minus what lies left of its left edge.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ComputeTilted(ReadOnlySpan<byte> image, int width, int height, Span<int> tilted)
    {
        int stride = width + 1;
        tilted[..stride].Clear();
        var prefix = new int[width];
        var d1 = new int[width];
        var d2 = new int[width];
        var d1Prev = new int[width];
        var d2Prev = new int[width];
        for (int y = 0; y < height; y++)
        {
            var pixels = image.Slice(y * width, width);
            int run = 0;
            for (int x = 0; x < width; x++) prefix[x] = run += pixels[x];
            for (int q = 0; q < width; q++)
            {
                d1[q] = unchecked(prefix[q] + (y > 0 ? d1Prev[Math.Min(q + 1, width - 1)] : 0));
                d2[q] = q >= 1 ? unchecked(prefix[q - 1] + (y > 0 ? d2Prev[q - 1] : 0)) : 0;
            }
            int row = (y + 1) * stride;
            tilted[row] = y > 0 ? d1Prev[0] : 0;
            for (int q = 0; q < width; q++) tilted[row + q + 1] = unchecked(d1[q] - d2[q]);
            (d1, d1Prev) = (d1Prev, d1);
            (d2, d2Prev) = (d2Prev, d2);
        }
    }
}
