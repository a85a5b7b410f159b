using System.Runtime.Intrinsics;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>A planar float RGB frame buffer onto which face-plane shapes are painted with analytic anti-aliasing: a
/// pixel's coverage is a linear ramp of the shape's signed distance over one pixel (or over a wider feather for soft
/// shading), which approximates box-filtered coverage at a fraction of the cost of supersampling. Every pass works on
/// eight pixels of a row at once (rows are padded to a multiple of eight).</summary>
/// <remarks>Reused from frame to frame (no per-frame allocation except the output image); not thread-safe.</remarks>
internal sealed class FaceCanvas
{
    private const int Lanes = 8;
    private static readonly Vector256<float> LaneOffsets = Vector256.Create(0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f);
    private readonly int _width, _height, _stride;
    private readonly float[] _r, _g, _b;
    private float _centerX, _centerY, _scale, _cos, _sin;

    public FaceCanvas(int width, int height)
    {
        _width = width;
        _height = height;
        _stride = (width + Lanes - 1) / Lanes * Lanes;
        _r = new float[_stride * height];
        _g = new float[_stride * height];
        _b = new float[_stride * height];
    }

    /// <summary>Places the face plane: its origin at pixel (centerX, centerY), one face unit = scale pixels, rotated
    /// clockwise on screen by roll radians.</summary>
    public void SetPose(float centerX, float centerY, float scale, float roll)
    {
        _centerX = centerX;
        _centerY = centerY;
        _scale = scale;
        _cos = MathF.Cos(roll);
        _sin = MathF.Sin(roll);
    }

    /// <summary>Paints the whole frame with Lerp(<paramref name="baseColor"/>, <paramref name="accent"/>, p) where the
    /// pattern p = clamp(columnPattern[x] + rowPattern[y], 0, 1) gives gradients and stripes at the cost of a lookup.</summary>
    /// <param name="baseColor">Colour at p = 0.</param>
    /// <param name="accent">Colour at p = 1.</param>
    /// <param name="columnPattern">One value per column, padded to the row stride.</param>
    /// <param name="rowPattern">One value per row.</param>
    public void PaintBackground(RgbColor baseColor, RgbColor accent, float[] columnPattern, ReadOnlySpan<float> rowPattern)
    {
        for (int y = 0; y < _height; y++)
        {
            var row = Vector256.Create(rowPattern[y]);
            for (int x = 0, o = y * _stride; x < _stride; x += Lanes, o += Lanes)
            {
                var p = Vector256.Clamp(Vector256.Create(columnPattern, x) + row, Vector256<float>.Zero, Vector256<float>.One);
                (Vector256.Create(baseColor.R) + (accent.R - baseColor.R) * p).CopyTo(_r, o);
                (Vector256.Create(baseColor.G) + (accent.G - baseColor.G) * p).CopyTo(_g, o);
                (Vector256.Create(baseColor.B) + (accent.B - baseColor.B) * p).CopyTo(_b, o);
            }
        }
    }

    /// <summary>Row stride in pixels (the width rounded up to a multiple of eight).</summary>
    public int Stride => _stride;

    /// <summary>Alpha-blends <paramref name="color"/> over the shape with the given opacity; edges ramp over
    /// <paramref name="feather"/> face units (one pixel when smaller).</summary>
    public void Fill<TShape>(in TShape shape, RgbColor color, float opacity = 1, float feather = 0) where TShape : struct, IFaceShape
    {
        var (x0, y0, x1, y1) = PixelBounds(shape.Bounds, feather);
        float gain = -_scale / MathF.Max(feather * _scale, 1);
        for (int y = y0; y < y1; y++)
            for (int x = x0, o = y * _stride + x0; x < x1; x += Lanes, o += Lanes)
            {
                var (u, v) = ToFace(x, y);
                var a = Ramp(shape.Distance(u, v), gain) * opacity;
                if (a == Vector256<float>.Zero) continue;
                Blend(_r, o, color.R, a);
                Blend(_g, o, color.G, a);
                Blend(_b, o, color.B, a);
            }
    }

    /// <summary>Multiplies the pixels under the shape by <paramref name="factor"/> (below 1 darkens: shadows, sockets;
    /// above 1 brightens: highlights), ramped in over <paramref name="feather"/> face units.</summary>
    public void Multiply<TShape>(in TShape shape, float factor, float feather) where TShape : struct, IFaceShape
    {
        var (x0, y0, x1, y1) = PixelBounds(shape.Bounds, feather);
        float gain = -_scale / MathF.Max(feather * _scale, 1);
        for (int y = y0; y < y1; y++)
            for (int x = x0, o = y * _stride + x0; x < x1; x += Lanes, o += Lanes)
            {
                var (u, v) = ToFace(x, y);
                var a = Ramp(shape.Distance(u, v), gain);
                if (a == Vector256<float>.Zero) continue;
                Scale(o, Vector256<float>.One + (factor - 1) * a);
            }
    }

    /// <summary>Lambertian shading of an ellipsoidal head: inside <paramref name="head"/> (radii radiusU, radiusV about
    /// the origin) each pixel is scaled by (ambient + (1 − ambient)·max(0, n·L)) relative to a frontal normal, where n is
    /// the ellipsoid's normal and <paramref name="light"/> the unit direction towards the light.</summary>
    public void ShadeHead(EllipseShape head, float radiusU, float radiusV, (float X, float Y, float Z) light, float ambient)
    {
        var (x0, y0, x1, y1) = PixelBounds(head.Bounds, 0);
        float frontal = ambient + (1 - ambient) * light.Z;
        for (int y = y0; y < y1; y++)
            for (int x = x0, o = y * _stride + x0; x < x1; x += Lanes, o += Lanes)
            {
                var (u, v) = ToFace(x, y);
                var a = Ramp(head.Distance(u, v), -_scale);
                if (a == Vector256<float>.Zero) continue;
                var nx = u / radiusU;
                var ny = v / radiusV;
                var nz = Vector256.Sqrt(Vector256.Max(Vector256<float>.Zero, Vector256<float>.One - nx * nx - ny * ny));
                var lambert = Vector256.Max(Vector256<float>.Zero, nx * light.X + ny * light.Y + nz * light.Z);
                var shade = (Vector256.Create(ambient) + (1 - ambient) * lambert) / frontal;
                Scale(o, Vector256<float>.One + (shade - Vector256<float>.One) * a);
            }
    }

    /// <summary>Writes the buffer to bytes with brightness gain, a left-to-right illumination gradient and additive
    /// triangular sensor noise of standard deviation <paramref name="noiseStd"/> grey levels per channel, drawn by eight
    /// xorshift32 generators seeded from <paramref name="noiseSeed"/>.</summary>
    public Image<byte> ToImage(float gain, float gradient, float noiseStd, ulong noiseSeed)
    {
        var image = new Image<byte>(_width, _height, 3);
        var pixels = image.Pixels;
        // The sum of two uniform bytes minus 255 has standard deviation 255·√(2/12) ≈ 104.1.
        float noiseScale = noiseStd / 104.1f;
        var state = SeedLanes(noiseSeed);
        Span<float> values = stackalloc float[3 * Lanes];
        var half = Vector256.Create(0.5f);
        var max = Vector256.Create(255f);
        for (int y = 0; y < _height; y++)
            for (int x = 0, o = y * _stride; x < _width; x += Lanes, o += Lanes)
            {
                var g = gain * (Vector256<float>.One + gradient * ((Vector256.Create((float)x) + LaneOffsets) / _width - half));
                int c = 0;
                foreach (var plane in (ReadOnlySpan<float[]>)[_r, _g, _b])
                {
                    state ^= state << 13;
                    state ^= state >>> 17;
                    state ^= state << 5;
                    var noise = Vector256.ConvertToSingle((state & Vector256.Create(0xFFu)) + ((state >>> 8) & Vector256.Create(0xFFu)))
                                - max;
                    var value = Vector256.Clamp(Vector256.Create(plane, o) * g + noise * noiseScale + half, Vector256<float>.Zero, max);
                    value.CopyTo(values[(c++ * Lanes)..]);
                }
                int n = Math.Min(Lanes, _width - x), p = (y * _width + x) * 3;
                for (int i = 0; i < n; i++, p += 3)
                {
                    pixels[p] = (byte)values[i];
                    pixels[p + 1] = (byte)values[Lanes + i];
                    pixels[p + 2] = (byte)values[2 * Lanes + i];
                }
            }
        return image;
    }

    private static Vector256<uint> SeedLanes(ulong seed)
    {
        Span<uint> lanes = stackalloc uint[Lanes];
        for (int i = 0; i < Lanes; i++)
        {
            ulong z = seed += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            lanes[i] = (uint)(z ^ (z >> 31)) | 1; // xorshift32 must not start at 0
        }
        return Vector256.Create<uint>(lanes);
    }

    /// <summary>Coverage clamp(0.5 + gain·distance, 0, 1), where gain = −(pixels per face unit) / ramp width in pixels.</summary>
    private static Vector256<float> Ramp(Vector256<float> distance, float gain) =>
        Vector256.Clamp(Vector256.Create(0.5f) + distance * gain, Vector256<float>.Zero, Vector256<float>.One);

    private static void Blend(float[] plane, int offset, float target, Vector256<float> alpha)
    {
        var p = Vector256.Create(plane, offset);
        (p + (Vector256.Create(target) - p) * alpha).CopyTo(plane, offset);
    }

    private void Scale(int offset, Vector256<float> gain)
    {
        (Vector256.Create(_r, offset) * gain).CopyTo(_r, offset);
        (Vector256.Create(_g, offset) * gain).CopyTo(_g, offset);
        (Vector256.Create(_b, offset) * gain).CopyTo(_b, offset);
    }

    /// <summary>Face-plane coordinates of the centres of pixels x .. x + 7 of row y.</summary>
    private (Vector256<float> U, Vector256<float> V) ToFace(int x, int y)
    {
        var dx = (Vector256.Create(x - _centerX) + LaneOffsets) / _scale;
        float dy = (y + 0.5f - _centerY) / _scale;
        return (_cos * dx + Vector256.Create(_sin * dy), Vector256.Create(_cos * dy) - _sin * dx);
    }

    /// <summary>The clipped pixel rectangle [x0, x1) × [y0, y1) covering face-plane bounds grown by the feather, with
    /// x0 and x1 on multiples of eight (x1 at most the stride).</summary>
    private (int X0, int Y0, int X1, int Y1) PixelBounds((float Left, float Top, float Right, float Bottom) b, float feather)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var (u, v) in (ReadOnlySpan<(float, float)>)[(b.Left, b.Top), (b.Right, b.Top), (b.Left, b.Bottom), (b.Right, b.Bottom)])
        {
            float px = _centerX + (_cos * u - _sin * v) * _scale, py = _centerY + (_sin * u + _cos * v) * _scale;
            minX = MathF.Min(minX, px);
            maxX = MathF.Max(maxX, px);
            minY = MathF.Min(minY, py);
            maxY = MathF.Max(maxY, py);
        }
        float pad = feather * _scale + 2;
        int x0 = Math.Clamp((int)MathF.Floor(minX - pad), 0, _width) / Lanes * Lanes;
        int x1 = Math.Clamp((int)MathF.Ceiling(maxX + pad), 0, _width);
        return (x0, Math.Clamp((int)MathF.Floor(minY - pad), 0, _height),
            (x1 + Lanes - 1) / Lanes * Lanes, Math.Clamp((int)MathF.Ceiling(maxY + pad), 0, _height));
    }
}
