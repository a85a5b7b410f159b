namespace MlNetEmotion.Eeg.Montages;

/// <summary>The rigid transform to Neuromag head coordinates defined by the fiducials
/// (MNE's <c>get_ras_to_neuromag_trans</c>): the origin is the foot of the perpendicular from the nasion onto
/// the LPA–RPA line, x points to the RPA, y to the nasion, z = x × y.</summary>
public sealed class HeadCoordinates
{
    private readonly Point3 _origin, _x, _y, _z;

    private HeadCoordinates(Point3 origin, Point3 x, Point3 y, Point3 z) => (_origin, _x, _y, _z) = (origin, x, y, z);

    /// <summary>Builds the transform from nasion, LPA and RPA.</summary>
    public static HeadCoordinates FromFiducials(Fiducials fiducials)
    {
        ArgumentNullException.ThrowIfNull(fiducials);
        if (fiducials.SinglePrecision) return FromSinglePrecision(fiducials);
        Point3 right = fiducials.Rpa - fiducials.Lpa;
        Point3 rightUnit = right / right.Norm;
        Point3 origin = fiducials.Lpa + Point3.Dot(fiducials.Nasion - fiducials.Lpa, rightUnit) * rightUnit;
        Point3 anterior = fiducials.Nasion - origin;
        Point3 anteriorUnit = anterior / anterior.Norm;
        if (!double.IsFinite(rightUnit.X + anteriorUnit.X))
            throw new ArgumentException("Fiducials are degenerate: the nasion lies on the LPA-RPA line or LPA equals RPA.");
        return new HeadCoordinates(origin, rightUnit, anteriorUnit, Point3.Cross(rightUnit, anteriorUnit));
    }

    // The same construction in float arithmetic, as NumPy does on float32 fiducials.
    private static HeadCoordinates FromSinglePrecision(Fiducials f)
    {
        static float[] V(Point3 p) => [(float)p.X, (float)p.Y, (float)p.Z];
        static float[] Sub(float[] a, float[] b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
        static float Dot(float[] a, float[] b) => a[0] * b[0] + (a[1] * b[1] + a[2] * b[2]); // OpenBLAS sdot's order for n = 3
        static float[] Unit(float[] a) { float n = MathF.Sqrt(Dot(a, a)); return [a[0] / n, a[1] / n, a[2] / n]; }
        static Point3 P(float[] a) => new(a[0], a[1], a[2]);
        float[] nasion = V(f.Nasion), lpa = V(f.Lpa), rpa = V(f.Rpa);
        float[] right = Unit(Sub(rpa, lpa));
        float along = Dot(Sub(nasion, lpa), right);
        float[] origin = [lpa[0] + along * right[0], lpa[1] + along * right[1], lpa[2] + along * right[2]];
        float[] anterior = Unit(Sub(nasion, origin));
        float[] superior = [right[1] * anterior[2] - right[2] * anterior[1], right[2] * anterior[0] - right[0] * anterior[2],
                            right[0] * anterior[1] - right[1] * anterior[0]];
        return new HeadCoordinates(P(origin), P(right), P(anterior), P(superior));
    }

    /// <summary>Maps a point into head coordinates.</summary>
    public Point3 Apply(Point3 p)
    {
        Point3 d = p - _origin;
        return new Point3(Point3.Dot(_x, d), Point3.Dot(_y, d), Point3.Dot(_z, d));
    }
}
