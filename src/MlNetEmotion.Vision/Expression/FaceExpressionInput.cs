using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Expression;

/// <summary>face-api's <c>NetInput.toBatchTensor(112, isCenterInputs: true)</c> for image tensors: the face is
/// zero-padded to a square (centred: <c>round(diff / 2)</c> after, the rest before) and, unless already 112×112,
/// resized with TensorFlow's legacy bilinear sampling (<c>alignCorners = halfPixelCenters = false</c>: source
/// coordinate <c>dst · in / out</c>, computed in double as TF.js's CPU kernel does). Output is channel-first raw
/// 0..255 values; the mean subtraction happens in the network.</summary>
internal static class FaceExpressionInput
{
    /// <summary>Writes <paramref name="face"/> as [3, size, size] floats into <paramref name="destination"/>.</summary>
    public static void Write(Image<byte> face, int size, Span<float> destination)
    {
        var rgb = face.Channels == 3 ? face : face.ToRgb();
        int h = rgb.Height, w = rgb.Width, side = Math.Max(h, w), diff = Math.Abs(h - w);
        int before = diff - (int)Math.Round(diff * 0.5, MidpointRounding.AwayFromZero);
        var padded = new PaddedImage(rgb, h < w ? before : 0, w < h ? before : 0);
        int plane = size * size;
        if (side == size)
        {
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    for (int c = 0; c < 3; c++)
                        destination[c * plane + y * size + x] = padded[y, x, c];
            return;
        }
        var rows = Taps(side, size);
        var cols = Taps(side, size);
        for (int y = 0; y < size; y++)
        {
            var (r0, r1, rf) = rows[y];
            for (int x = 0; x < size; x++)
            {
                var (c0, c1, cf) = cols[x];
                for (int c = 0; c < 3; c++)
                {
                    double topLeft = padded[r0, c0, c], topRight = padded[r0, c1, c];
                    double bottomLeft = padded[r1, c0, c], bottomRight = padded[r1, c1, c];
                    double top = topLeft + (topRight - topLeft) * cf;
                    double bottom = bottomLeft + (bottomRight - bottomLeft) * cf;
                    destination[c * plane + y * size + x] = (float)(top + (bottom - top) * rf);
                }
            }
        }
    }

    /// <summary>Source index pair and fraction per output index, as TF's legacy bilinear kernel computes them.</summary>
    private static (int Floor, int Ceil, double Frac)[] Taps(int inSize, int outSize)
    {
        double ratio = (double)inSize / outSize;
        var taps = new (int, int, double)[outSize];
        for (int i = 0; i < outSize; i++)
        {
            double src = ratio * i;
            int floor = Math.Max(0, (int)Math.Floor(src));
            taps[i] = (floor, Math.Min(inSize - 1, (int)Math.Ceiling(src)), src - floor);
        }
        return taps;
    }

    /// <summary>The RGB image placed at (<paramref name="Top"/>, <paramref name="Left"/>) in a zero square.</summary>
    private readonly record struct PaddedImage(Image<byte> Image, int Top, int Left)
    {
        public float this[int y, int x, int c]
        {
            get
            {
                int iy = y - Top, ix = x - Left;
                return (uint)iy < (uint)Image.Height && (uint)ix < (uint)Image.Width ? Image.Pixels[(iy * Image.Width + ix) * 3 + c] : 0f;
            }
        }
    }
}
