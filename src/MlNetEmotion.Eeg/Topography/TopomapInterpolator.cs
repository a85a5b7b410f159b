using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography.Geometry;
using MlNetEmotion.Eeg.Topography.Interpolation;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Turns electrode values into topomap images. Every scheme here is linear in the electrode values once
/// the montage and grid are fixed, so the whole interpolation (extra points, Clough–Tocher gradients, triangle
/// lookup) is precomputed once as a sparse matrix <see cref="Weights"/> (pixels × electrodes) plus an offset
/// (non-zero only for a constant <see cref="TopomapOptions.Border"/>); each image is then one sparse
/// matrix–vector product.</summary>
public sealed class TopomapInterpolator : ITopomapMapper
{
    private readonly double[] _offset;
    private readonly float[] _offsetSingle;
    private readonly int[] _filled; // pixels outside the triangulation or the head: set to FillValue
    private readonly float _fill;

    private TopomapInterpolator(Point2[] electrodes, Point2[] extra, DelaunayTriangulation tri, TopomapGrid grid,
        CsrMatrix weights, double[] offset, int[] filled, float fill)
    {
        Electrodes = electrodes;
        ExtraPoints = extra;
        Triangulation = tri;
        Grid = grid;
        Weights = weights;
        _offset = offset;
        _offsetSingle = Array.ConvertAll(offset, v => (float)v);
        _filled = filled;
        _fill = fill;
    }

    /// <summary>Projected electrode positions, in input order.</summary>
    public IReadOnlyList<Point2> Electrodes { get; }

    /// <summary>Extrapolation points added around the electrodes.</summary>
    public IReadOnlyList<Point2> ExtraPoints { get; }

    /// <summary>Delaunay triangulation of electrodes followed by extra points.</summary>
    public DelaunayTriangulation Triangulation { get; }

    /// <summary>Pixel placement.</summary>
    public TopomapGrid Grid { get; }

    /// <summary>Interpolation weights, (Height·Width) × electrodes; row y·Width + x is pixel (y, x).</summary>
    public CsrMatrix Weights { get; }

    /// <summary>Pixels set to <see cref="TopomapOptions.FillValue"/>: outside the triangulation (or the head when masked).</summary>
    public IReadOnlyList<int> FilledPixels => _filled;

    /// <summary>Image height (rows).</summary>
    public int Height => Grid.Y.Count;

    /// <summary>Image width (columns).</summary>
    public int Width => Grid.X.Count;

    /// <summary>Number of electrodes (values per image).</summary>
    public int ElectrodeCount => Electrodes.Count;

    /// <summary>Builds the interpolator for a montage's channels (in the montage's order): positions are moved to head
    /// coordinates (<see cref="Montage.ToHeadCoordinates"/>) and projected as <see cref="TopomapOptions.Projection"/> says.</summary>
    public static TopomapInterpolator Create(Montage montage, TopomapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(montage);
        options ??= new TopomapOptions();
        var head = montage.ToHeadCoordinates();
        return Create(AzimuthalProjection.Project(head.Positions, options.Projection, options.Sphere), options);
    }

    /// <summary>Builds the interpolator for already projected electrodes.</summary>
    /// <param name="electrodes">Electrode positions in the image plane.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="triangulate">Triangulation to use (default <see cref="DelaunayTriangulation.Create"/>); MNE's
    /// extrapolation reads edges in the triangulation's vertex order, so passing Qhull's triangles reproduces MNE
    /// to rounding.</param>
    public static TopomapInterpolator Create(IReadOnlyList<Point2> electrodes, TopomapOptions? options = null,
        Func<IReadOnlyList<Point2>, DelaunayTriangulation>? triangulate = null)
    {
        ArgumentNullException.ThrowIfNull(electrodes);
        options ??= new TopomapOptions();
        options.Validate();
        triangulate ??= DelaunayTriangulation.Create;
        var pos = electrodes.ToArray();
        if (pos.Length < 3) throw new ArgumentException($"A topomap needs at least 3 electrodes; got {pos.Length}.", nameof(electrodes));
        var grid = TopomapGrid.Create(pos, options);
        var extra = MneExtrapolation.ExtraPoints(pos, options.Extrapolation, grid.ClipOrigin, grid.ClipRadius, triangulate);
        var tri = triangulate([.. pos, .. extra]);
        var (values, valueOffset) = MneExtrapolation.ValueOperator(tri, pos.Length, options.Border);
        double[]? gradients = options.Interpolation == TopomapInterpolation.CloughTocher ? CloughTocherGradients.Operator(tri) : null;

        int n = pos.Length, total = tri.Points.Count, pixels = grid.X.Count * grid.Y.Count;
        var rowPointers = new int[pixels + 1];
        var columns = new List<int>(pixels * n);
        var weights = new List<double>(pixels * n);
        var offset = new double[pixels];
        var filled = new List<int>();
        var row = new double[total];
        Span<double> bary = stackalloc double[3];
        Span<double> w9 = stackalloc double[9];
        for (int i = 0; i < grid.Y.Count; i++)
            for (int j = 0; j < grid.X.Count; j++)
            {
                int pixel = i * grid.X.Count + j;
                Point2 p = grid[i, j];
                bool inside = PointWeights(tri, p, options.Interpolation, gradients, row, bary, w9)
                              && (!options.MaskOutsideHead || grid.InsideHead(p));
                if (inside)
                {
                    for (int e = 0; e < n; e++)
                    {
                        double s = 0;
                        for (int k = 0; k < total; k++) s += row[k] * values[k * n + e];
                        if (s != 0) { columns.Add(e); weights.Add(s); }
                    }
                    double o = 0;
                    for (int k = 0; k < total; k++) o += row[k] * valueOffset[k];
                    offset[pixel] = o;
                }
                else filled.Add(pixel);
                rowPointers[pixel + 1] = columns.Count;
            }
        var matrix = new CsrMatrix(pixels, n, rowPointers, columns.ToArray(), weights.ToArray());
        return new TopomapInterpolator(pos, extra, tri, grid, matrix, offset, filled.ToArray(), options.FillValue);
    }

    // Writes the weights of all triangulation points (electrodes then extras) in the value at p; false when outside.
    private static bool PointWeights(DelaunayTriangulation tri, Point2 p, TopomapInterpolation method, double[]? gradients,
        double[] row, Span<double> bary, Span<double> w9)
    {
        Array.Clear(row);
        if (method == TopomapInterpolation.Nearest)
        {
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int k = 0; k < tri.Points.Count; k++)
            {
                double d = Point2.Distance(p, tri.Points[k]);
                if (d < bestDistance) { bestDistance = d; best = k; }
            }
            row[best] = 1;
            return true;
        }
        int t = tri.FindTriangle(p, bary);
        if (t < 0) return false;
        Triangle s = tri.Triangles[t];
        if (method == TopomapInterpolation.Linear)
        {
            for (int k = 0; k < 3; k++) row[s[k]] += bary[k];
            return true;
        }
        CloughTocherElement.Weights(tri, t, bary, w9);
        int total = tri.Points.Count;
        for (int k = 0; k < 3; k++)
        {
            int v = s[k];
            row[v] += w9[k];
            double wx = w9[3 + 2 * k], wy = w9[4 + 2 * k];
            for (int m = 0; m < total; m++)
                row[m] += wx * gradients![(2 * v) * total + m] + wy * gradients[(2 * v + 1) * total + m];
        }
        return true;
    }

    /// <summary>Interpolates one image in double precision: <paramref name="values"/> has one value per electrode,
    /// <paramref name="image"/> receives Height·Width pixels, row-major.</summary>
    public void Interpolate(ReadOnlySpan<double> values, Span<double> image)
    {
        CheckFinite(values);
        Weights.Multiply(values, image);
        for (int i = 0; i < image.Length; i++) image[i] += _offset[i];
        foreach (int p in _filled) image[p] = _fill;
    }

    /// <summary>Interpolates one image in single precision.</summary>
    public void Interpolate(ReadOnlySpan<float> values, Span<float> image)
    {
        if (values.Length != ElectrodeCount) throw new ArgumentException($"Expected {ElectrodeCount} electrode values, got {values.Length}.", nameof(values));
        InterpolateBatch(values, image, 1);
    }

    /// <summary>Interpolates <paramref name="count"/> images at once: <paramref name="values"/> is [count, electrodes],
    /// <paramref name="images"/> [count, Height, Width], both row-major (e.g. [frames·bands] maps for a
    /// [frames, bands, H, W] tensor).</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite (the message gives its image and electrode).</exception>
    public void InterpolateBatch(ReadOnlySpan<float> values, Span<float> images, int count)
    {
        if (count < 1 || values.Length < count * ElectrodeCount || images.Length < count * Weights.Rows)
            throw new ArgumentException($"A batch of {count} images needs {count * ElectrodeCount} values and room for {count * Weights.Rows} pixels; got {values.Length} and {images.Length}.");
        CheckFinite(values[..(count * ElectrodeCount)]);
        Weights.MultiplyBatch(values, images, count);
        int pixels = Weights.Rows;
        for (int m = 0; m < count; m++)
        {
            Span<float> image = images.Slice(m * pixels, pixels);
            for (int i = 0; i < pixels; i++) image[i] += _offsetSingle[i];
            foreach (int p in _filled) image[p] = _fill;
        }
    }

    private void CheckFinite<T>(ReadOnlySpan<T> values) where T : System.Numerics.INumberBase<T>
    {
        if (values.Length % ElectrodeCount != 0 || values.Length == 0)
            throw new ArgumentException($"Expected a multiple of {ElectrodeCount} electrode values, got {values.Length}.");
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
                throw new ArgumentException($"Electrode value {values[i]} at image {i / ElectrodeCount}, electrode {i % ElectrodeCount} is not finite.");
        }
    }
}
