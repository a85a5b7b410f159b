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
        Point3 right = fiducials.Rpa - fiducials.Lpa;
        Point3 rightUnit = right / right.Norm;
        Point3 origin = fiducials.Lpa + Point3.Dot(fiducials.Nasion - fiducials.Lpa, rightUnit) * rightUnit;
        Point3 anterior = fiducials.Nasion - origin;
        Point3 anteriorUnit = anterior / anterior.Norm;
        if (!double.IsFinite(rightUnit.X + anteriorUnit.X))
            throw new ArgumentException("Fiducials are degenerate: the nasion lies on the LPA-RPA line or LPA equals RPA.");
        return new HeadCoordinates(origin, rightUnit, anteriorUnit, Point3.Cross(rightUnit, anteriorUnit));
    }

    /// <summary>Maps a point into head coordinates.</summary>
    public Point3 Apply(Point3 p)
    {
        Point3 d = p - _origin;
        return new Point3(Point3.Dot(_x, d), Point3.Dot(_y, d), Point3.Dot(_z, d));
    }
}
