using System.Runtime.Intrinsics;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>A region of the face plane given by an approximate signed distance (negative inside), in face units
/// (one unit = half the head's height; u to the right on the image, v downwards), evaluated for eight points at once.</summary>
internal interface IFaceShape
{
    /// <summary>Face-plane bounds that contain the whole shape: (left, top, right, bottom).</summary>
    (float Left, float Top, float Right, float Bottom) Bounds { get; }

    /// <summary>Signed distances of the points (u, v) to the outline; negative inside.</summary>
    Vector256<float> Distance(Vector256<float> u, Vector256<float> v);
}

/// <summary>An axis-aligned ellipse; the distance is the first-order estimate (k − 1) / |∇k| with k the normalised radius.</summary>
internal readonly struct EllipseShape(float centerU, float centerV, float radiusU, float radiusV) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds =>
        (centerU - radiusU, centerV - radiusV, centerU + radiusU, centerV + radiusV);

    public Vector256<float> Distance(Vector256<float> u, Vector256<float> v)
    {
        var x = (u - Vector256.Create(centerU)) / radiusU;
        var y = (v - Vector256.Create(centerV)) / radiusV;
        var k = Vector256.Sqrt(x * x + y * y);
        var gradient = Vector256.Sqrt(x * x / (radiusU * radiusU) + y * y / (radiusV * radiusV));
        // At the very centre the gradient vanishes; the distance there is minus the smaller radius.
        return Vector256.ConditionalSelect(Vector256.LessThan(gradient, Vector256.Create(1e-6f)),
            Vector256.Create(-MathF.Min(radiusU, radiusV)), (k - Vector256<float>.One) * k / gradient);
    }
}

/// <summary>A band around the curve v = centerV + bend·t² + tilt·t for t = (u − centerU) / halfLength in [−1, 1],
/// shifted by shift·w(t) and of half-thickness halfThickness·w(t), where the taper w(t) is √(1 − t²) when
/// rounded (lips, mouth opening) and 1 − 0.6·t² otherwise (brows, lid lines).</summary>
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

    public Vector256<float> Distance(Vector256<float> u, Vector256<float> v)
    {
        var du = u - Vector256.Create(centerU);
        var t = Vector256.Clamp(du / halfLength, Vector256.Create(-1f), Vector256<float>.One);
        var t2 = t * t;
        var w = rounded ? Vector256.Sqrt(Vector256.Max(Vector256<float>.Zero, Vector256<float>.One - t2)) : Vector256<float>.One - 0.6f * t2;
        var line = Vector256.Create(centerV) + bend * t2 + tilt * t + shift * w;
        return Vector256.Max(Vector256.Abs(v - line) - halfThickness * w, Vector256.Abs(du) - Vector256.Create(halfLength));
    }
}

/// <summary>The part of the head ellipse above the hairline v = hairlineV + drop·(u / radiusU)² (hair lower at the
/// temples).</summary>
internal readonly struct HairCapShape(EllipseShape head, float radiusU, float top, float hairlineV, float drop) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds => (-radiusU, top, radiusU, hairlineV + drop);

    public Vector256<float> Distance(Vector256<float> u, Vector256<float> v)
    {
        var x = u / radiusU;
        return Vector256.Max(head.Distance(u, v), v - (Vector256.Create(hairlineV) + drop * x * x));
    }
}

/// <summary>An axis-aligned rectangle (box distance, exact outside the corners' diagonals).</summary>
internal readonly struct BoxShape(float centerU, float centerV, float halfWidth, float halfHeight) : IFaceShape
{
    public (float Left, float Top, float Right, float Bottom) Bounds =>
        (centerU - halfWidth, centerV - halfHeight, centerU + halfWidth, centerV + halfHeight);

    public Vector256<float> Distance(Vector256<float> u, Vector256<float> v) =>
        Vector256.Max(Vector256.Abs(u - Vector256.Create(centerU)) - Vector256.Create(halfWidth),
            Vector256.Abs(v - Vector256.Create(centerV)) - Vector256.Create(halfHeight));
}
