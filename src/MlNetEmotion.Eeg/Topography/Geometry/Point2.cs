namespace MlNetEmotion.Eeg.Topography.Geometry;

/// <summary>A point in the topomap plane.</summary>
/// <param name="X">Horizontal coordinate (towards the right ear).</param>
/// <param name="Y">Vertical coordinate (towards the nose).</param>
public readonly record struct Point2(double X, double Y)
{
    /// <summary>Distance from the origin.</summary>
    public double Norm => Math.Sqrt(X * X + Y * Y);

    /// <summary>Distance between two points.</summary>
    public static double Distance(Point2 a, Point2 b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
