namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>A region of the face plane given by an approximate signed distance (negative inside), in face units
/// (one unit = half the head's height; u to the face's right on the image, v downwards).</summary>
internal interface IFaceShape
{
    /// <summary>Face-plane bounds that contain the whole shape: (left, top, right, bottom).</summary>
    (float Left, float Top, float Right, float Bottom) Bounds { get; }

    /// <summary>Signed distance of (u, v) to the outline; negative inside.</summary>
    float Distance(float u, float v);
}

/// <summary>An axis-aligned ellipse; the distance is the first-order estimate (k − 1) / |∇k| with k the normalised radius.</summary>
internal readonly struct EllipseShape(float centerU, float centerV, float radiusU, float radiusV) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds =>
        (centerU - radiusU, centerV - radiusV, centerU + radiusU, centerV + radiusV);

    public float Distance(float u, float v)
    {
        float x = (u - centerU) / radiusU, y = (v - centerV) / radiusV;
        float k2 = x * x + y * y;
        float g2 = x * x / (radiusU * radiusU) + y * y / (radiusV * radiusV);
        if (g2 < 1e-12f) return -MathF.Min(radiusU, radiusV);
        float k = MathF.Sqrt(k2);
        return (k - 1) * k / MathF.Sqrt(g2);
    }
}

/// <summary>A band around the curve v = centerV + bend·t² + tilt·t for t = (u − centerU) / halfLength in [−1, 1],
/// shifted by shift·w(t) and of half-thickness halfThickness·w(t), where the taper w(t) is √(1 − t²) when
/// <paramref name="rounded"/> (lips, mouth opening) and 1 − 0.6·t² otherwise (brows, lid lines).</summary>
internal readonly struct CurveBand(float centerU, float centerV, float halfLength, float bend, float tilt,
    float shift, float halfThickness, bool rounded) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds
    {
        get
        {
            float reach = MathF.Abs(bend) + MathF.Abs(tilt) + MathF.Abs(shift) + halfThickness;
            return (centerU - halfLength, centerV - reach, centerU + halfLength, centerV + reach);
        }
    }

    public float Distance(float u, float v)
    {
        float t = Math.Clamp((u - centerU) / halfLength, -1f, 1f);
        float w = rounded ? MathF.Sqrt(1 - t * t) : 1 - 0.6f * t * t;
        float line = centerV + bend * t * t + tilt * t + shift * w;
        return MathF.Max(MathF.Abs(v - line) - halfThickness * w, MathF.Abs(u - centerU) - halfLength);
    }
}

/// <summary>The part of the head ellipse above the hairline v = hairlineV + drop·(u / radiusU)² (hair lower at the
/// temples).</summary>
internal readonly struct HairCapShape(EllipseShape head, float radiusU, float top, float hairlineV, float drop) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds => (-radiusU, top, radiusU, hairlineV + drop);

    public float Distance(float u, float v)
    {
        float x = u / radiusU;
        return MathF.Max(head.Distance(u, v), v - (hairlineV + drop * x * x));
    }
}

/// <summary>An axis-aligned rectangle (box distance, exact outside the corners' diagonals).</summary>
internal readonly struct BoxShape(float centerU, float centerV, float halfWidth, float halfHeight) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds =>
        (centerU - halfWidth, centerV - halfHeight, centerU + halfWidth, centerV + halfHeight);

    public float Distance(float u, float v) =>
        MathF.Max(MathF.Abs(u - centerU) - halfWidth, MathF.Abs(v - centerV) - halfHeight);
}
