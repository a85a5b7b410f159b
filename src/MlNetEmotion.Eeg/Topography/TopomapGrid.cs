using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Pixel centres of a square topomap and the head circle it is drawn in. Row i has y = <see cref="Y"/>[i]
/// (ascending, so row 0 is the back of the head, as MNE's <c>imshow(origin='lower')</c>), column j has x = <see cref="X"/>[j].</summary>
public sealed class TopomapGrid
{
    private TopomapGrid(double[] x, double[] y, Point2 clipOrigin, double clipRadius, Point2 headCenter, double headRadius)
    {
        X = x;
        Y = y;
        ClipOrigin = clipOrigin;
        ClipRadius = clipRadius;
        HeadCenter = headCenter;
        HeadRadius = headRadius;
    }

    /// <summary>x of each column.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>y of each row.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Centre of MNE's clip circle (the origin for EEG).</summary>
    public Point2 ClipOrigin { get; }

    /// <summary>Radius of MNE's clip circle: the head radius, enlarged to hold every electrode with 1 % to spare.</summary>
    public double ClipRadius { get; }

    /// <summary>Centre of the drawn head outline.</summary>
    public Point2 HeadCenter { get; }

    /// <summary>Radius of the drawn head outline.</summary>
    public double HeadRadius { get; }

    /// <summary>Pixel centre at (row, column).</summary>
    public Point2 this[int row, int column] => new(X[column], Y[row]);

    /// <summary>Builds the grid of <paramref name="options"/> for projected electrodes <paramref name="electrodes"/>.</summary>
    public static TopomapGrid Create(IReadOnlyList<Point2> electrodes, TopomapOptions options)
    {
        ArgumentNullException.ThrowIfNull(electrodes);
        ArgumentNullException.ThrowIfNull(options);
        // The head circle in the image plane: the sphere for MNE's projection, polar angle π/2 for Bashivan's.
        bool mne = options.Projection == TopomapProjection.Mne;
        var center = mne ? new Point2(options.Sphere.X, options.Sphere.Y) : new Point2(0, 0);
        double radius = mne ? options.Sphere.Radius : Math.PI / 2;
        double scale = Math.Max(1.0, electrodes.Max(p => p.Norm) * 1.01 / radius);
        double clipRadius = radius * scale;
        var clipOrigin = new Point2(0, 0);
        int n = options.Size;
        if (options.Grid == TopomapGridKind.BoundingBox)
        {
            return new TopomapGrid(
                MGrid(electrodes.Min(p => p.X), electrodes.Max(p => p.X), n),
                MGrid(electrodes.Min(p => p.Y), electrodes.Max(p => p.Y), n), clipOrigin, clipRadius, center, radius);
        }
        // MNE: the mask outline is the head circle (101 points) scaled by `scale`; the extent also covers the clip circle.
        double xmin = clipOrigin.X - clipRadius, xmax = clipOrigin.X + clipRadius;
        double ymin = clipOrigin.Y - clipRadius, ymax = clipOrigin.Y + clipRadius;
        double dl = 2 * Math.PI / 100;
        for (int i = 0; i <= 100; i++)
        {
            double l = i == 100 ? 2 * Math.PI : i * dl;
            double hx = scale * (Math.Cos(l) * radius + center.X), hy = scale * (Math.Sin(l) * radius + center.Y);
            xmin = Math.Min(xmin, hx); xmax = Math.Max(xmax, hx);
            ymin = Math.Min(ymin, hy); ymax = Math.Max(ymax, hy);
        }
        return new TopomapGrid(LinSpace(xmin, xmax, n), LinSpace(ymin, ymax, n), clipOrigin, clipRadius, center, radius);
    }

    /// <summary>Whether a point lies inside the clip circle.</summary>
    public bool InsideHead(Point2 p)
    {
        double dx = p.X - ClipOrigin.X, dy = p.Y - ClipOrigin.Y;
        return dx * dx + dy * dy <= ClipRadius * ClipRadius;
    }

    // numpy.linspace: start + i * step, the last value set to stop.
    private static double[] LinSpace(double start, double stop, int n)
    {
        var v = new double[n];
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) v[i] = i * step + start;
        v[n - 1] = stop;
        return v;
    }

    // numpy.mgrid[start:stop:n*1j]: start + i * step, no end correction.
    private static double[] MGrid(double start, double stop, int n)
    {
        var v = new double[n];
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) v[i] = i * step + start;
        return v;
    }
}
