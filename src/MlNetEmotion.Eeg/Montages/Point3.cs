namespace MlNetEmotion.Eeg.Montages;

/// <summary>A point in 3-D space, in metres.</summary>
/// <param name="X">x coordinate (towards the right ear in head coordinates).</param>
/// <param name="Y">y coordinate (towards the nasion in head coordinates).</param>
/// <param name="Z">z coordinate (towards the vertex in head coordinates).</param>
public readonly record struct Point3(double X, double Y, double Z)
{
    /// <summary>Euclidean length of the vector from the origin.</summary>
    public double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>Component-wise difference.</summary>
    public static Point3 operator -(Point3 a, Point3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Component-wise sum.</summary>
    public static Point3 operator +(Point3 a, Point3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Scales a vector.</summary>
    public static Point3 operator *(double s, Point3 a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>Divides each component.</summary>
    public static Point3 operator /(Point3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    /// <summary>Dot product.</summary>
    public static double Dot(Point3 a, Point3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary>Cross product.</summary>
    public static Point3 Cross(Point3 a, Point3 b) =>
        new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);
}
