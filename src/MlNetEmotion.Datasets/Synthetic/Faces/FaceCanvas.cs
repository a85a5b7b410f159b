using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>A float RGB frame buffer onto which face-plane shapes are painted with analytic anti-aliasing: a pixel's
/// coverage is a linear ramp of the shape's signed distance over one pixel (or over a wider feather for soft shading),
/// which approximates box-filtered coverage at a fraction of the cost of supersampling.</summary>
/// <remarks>Reused from frame to frame (no per-frame allocation except the output image); not thread-safe.</remarks>
internal sealed class FaceCanvas(int width, int height)
{
    private readonly float[] _rgb = new float[width * height * 3];
    private float _centerX, _centerY, _scale, _cos, _sin;

    public int Width => width;

    public int Height => height;

    /// <summary>The interleaved RGB samples (0..255 scale).</summary>
    public Span<float> Samples => _rgb;

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
    public void PaintBackground(RgbColor baseColor, RgbColor accent, ReadOnlySpan<float> columnPattern, ReadOnlySpan<float> rowPattern)
    {
        for (int y = 0; y < height; y++)
        {
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3)
            {
                var c = RgbColor.Lerp(baseColor, accent, Math.Clamp(columnPattern[x] + rowPattern[y], 0, 1));
                _rgb[o] = c.R;
                _rgb[o + 1] = c.G;
                _rgb[o + 2] = c.B;
            }
        }
    }

    /// <summary>Alpha-blends <paramref name="color"/> over the shape with the given opacity; edges ramp over
    /// <paramref name="feather"/> face units (one pixel when smaller).</summary>
    public void Fill<TShape>(in TShape shape, RgbColor color, float opacity = 1, float feather = 0) where TShape : struct, IFaceShape
    {
        var (x0, y0, x1, y1) = PixelBounds(shape.Bounds, feather);
        float ramp = MathF.Max(feather * _scale, 1);
        for (int y = y0; y < y1; y++)
        {
            int o = (y * width + x0) * 3;
            for (int x = x0; x < x1; x++, o += 3)
            {
                float a = Coverage(shape, x, y, ramp) * opacity;
                if (a <= 0) continue;
                _rgb[o] += (color.R - _rgb[o]) * a;
                _rgb[o + 1] += (color.G - _rgb[o + 1]) * a;
                _rgb[o + 2] += (color.B - _rgb[o + 2]) * a;
            }
        }
    }

    /// <summary>Multiplies the pixels under the shape by <paramref name="factor"/> (below 1 darkens: shadows, sockets;
    /// above 1 brightens: highlights), ramped in over <paramref name="feather"/> face units.</summary>
    public void Multiply<TShape>(in TShape shape, float factor, float feather) where TShape : struct, IFaceShape
    {
        var (x0, y0, x1, y1) = PixelBounds(shape.Bounds, feather);
        float ramp = MathF.Max(feather * _scale, 1);
        for (int y = y0; y < y1; y++)
        {
            int o = (y * width + x0) * 3;
            for (int x = x0; x < x1; x++, o += 3)
            {
                float a = Coverage(shape, x, y, ramp);
                if (a <= 0) continue;
                float g = 1 + (factor - 1) * a;
                _rgb[o] *= g;
                _rgb[o + 1] *= g;
                _rgb[o + 2] *= g;
            }
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
        {
            int o = (y * width + x0) * 3;
            for (int x = x0; x < x1; x++, o += 3)
            {
                var (u, v) = ToFace(x, y);
                float a = Math.Clamp(0.5f - head.Distance(u, v) * _scale, 0, 1);
                if (a <= 0) continue;
                float nx = u / radiusU, ny = v / radiusV;
                float nz = MathF.Sqrt(MathF.Max(0, 1 - nx * nx - ny * ny));
                float lambert = MathF.Max(0, nx * light.X + ny * light.Y + nz * light.Z);
                float g = 1 + ((ambient + (1 - ambient) * lambert) / frontal - 1) * a;
                _rgb[o] *= g;
                _rgb[o + 1] *= g;
                _rgb[o + 2] *= g;
            }
        }
    }

    /// <summary>Writes the buffer to bytes with brightness gain, a left-to-right illumination gradient and additive
    /// triangular sensor noise of standard deviation <paramref name="noiseStd"/> grey levels per channel.</summary>
    public Image<byte> ToImage(float gain, float gradient, float noiseStd, ulong noiseSeed)
    {
        var image = new Image<byte>(width, height, 3);
        var pixels = image.Pixels;
        // Sum of two uniform bytes minus 255 has standard deviation 255·√(2/12) ≈ 104.1.
        float noiseScale = noiseStd / 104.1f;
        ulong state = noiseSeed | 1;
        for (int y = 0; y < height; y++)
        {
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3)
            {
                float g = gain * (1 + gradient * ((x + 0.5f) / width - 0.5f));
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                for (int c = 0; c < 3; c++)
                {
                    int bits = (int)(state >> (16 * c));
                    float noise = ((bits & 0xFF) + ((bits >> 8) & 0xFF) - 255) * noiseScale;
                    pixels[o + c] = (byte)Math.Clamp(MathF.Round(_rgb[o + c] * g + noise), 0, 255);
                }
            }
        }
        return image;
    }

    private float Coverage<TShape>(in TShape shape, int x, int y, float ramp) where TShape : struct, IFaceShape
    {
        var (u, v) = ToFace(x, y);
        return Math.Clamp(0.5f - shape.Distance(u, v) * _scale / ramp, 0, 1);
    }

    private (float U, float V) ToFace(int x, int y)
    {
        float dx = x + 0.5f - _centerX, dy = y + 0.5f - _centerY;
        return ((_cos * dx + _sin * dy) / _scale, (-_sin * dx + _cos * dy) / _scale);
    }

    /// <summary>The clipped pixel rectangle [x0, x1) × [y0, y1) covering face-plane bounds grown by the feather.</summary>
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
        return (Math.Clamp((int)MathF.Floor(minX - pad), 0, width), Math.Clamp((int)MathF.Floor(minY - pad), 0, height),
            Math.Clamp((int)MathF.Ceiling(maxX + pad), 0, width), Math.Clamp((int)MathF.Ceiling(maxY + pad), 0, height));
    }
}
