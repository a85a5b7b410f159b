using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Azimuthal-equidistant projections of electrode positions onto the topomap plane.</summary>
public static class AzimuthalProjection
{
    /// <summary>Projects <paramref name="positions"/> (head coordinates, metres) as <paramref name="projection"/> says.</summary>
    public static Point2[] Project(IReadOnlyList<Point3> positions, TopomapProjection projection, HeadSphere sphere) =>
        projection == TopomapProjection.Mne ? Mne(positions, sphere) : Bashivan(positions);

    /// <summary>MNE's projection: for p − centre with length r, azimuth φ = atan2(y, x) and polar angle
    /// θ = arccos(z / r), the point (θ cos φ, θ sin φ) · r / (π/2) + (centre x, centre y).</summary>
    public static Point2[] Mne(IReadOnlyList<Point3> positions, HeadSphere sphere)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var result = new Point2[positions.Count];
        for (int i = 0; i < result.Length; i++)
        {
            Point3 p = positions[i];
            double x = Finite(p.X) - sphere.X, y = Finite(p.Y) - sphere.Y, z = Finite(p.Z) - sphere.Z;
            double r = Math.Sqrt(x * x + y * y + z * z);
            double azimuth = Math.Atan2(y, x);
            double polar = Math.Acos(z / (r > 0 ? r : 1));
            double scale = r / (Math.PI / 2);
            result[i] = new Point2(polar * Math.Cos(azimuth) * scale + sphere.X, polar * Math.Sin(azimuth) * scale + sphere.Y);
        }
        return result;
    }

    /// <summary>Bashivan's <c>azim_proj</c>: elevation e = atan2(z, √(x²+y²)), azimuth φ = atan2(y, x), then
    /// ρ = π/2 − e and the point (ρ cos φ, ρ sin φ).</summary>
    public static Point2[] Bashivan(IReadOnlyList<Point3> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var result = new Point2[positions.Count];
        for (int i = 0; i < result.Length; i++)
        {
            Point3 p = positions[i];
            double elevation = Math.Atan2(p.Z, Math.Sqrt(p.X * p.X + p.Y * p.Y));
            double azimuth = Math.Atan2(p.Y, p.X);
            double rho = Math.PI / 2 - elevation;
            result[i] = new Point2(rho * Math.Cos(azimuth), rho * Math.Sin(azimuth));
        }
        return result;
    }

    // MNE replaces non-finite coordinates by 0 before projecting.
    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
