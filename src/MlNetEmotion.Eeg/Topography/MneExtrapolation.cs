using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>MNE 1.3's extra interpolation points (<c>mne.viz.topomap._get_extra_points</c>) and their values
/// (<c>_GridData.set_values</c>).</summary>
internal static class MneExtrapolation
{
    /// <summary>The extra points for <paramref name="mode"/>.</summary>
    /// <param name="pos">Projected electrodes.</param>
    /// <param name="mode">Extrapolation mode.</param>
    /// <param name="origin">Head-circle centre.</param>
    /// <param name="radius">Head-circle (clip) radius.</param>
    /// <param name="triangulate">Triangulation used for the median inter-electrode distance.</param>
    public static Point2[] ExtraPoints(Point2[] pos, TopomapExtrapolation mode, Point2 origin, double radius,
        Func<IReadOnlyList<Point2>, DelaunayTriangulation> triangulate)
    {
        switch (mode)
        {
            case TopomapExtrapolation.None:
                return [];
            case TopomapExtrapolation.Box:
            {
                double xmin = pos.Min(p => p.X), xmax = pos.Max(p => p.X), ymin = pos.Min(p => p.Y), ymax = pos.Max(p => p.Y);
                double dx = xmax - xmin, dy = ymax - ymin;
                xmin -= dx; xmax += dx; ymin -= dy; ymax += dy;
                return [new(xmin, ymin), new(xmin, ymax), new(xmax, ymin), new(xmax, ymax)];
            }
        }
        if (pos.Length < 4)
            throw new ArgumentException($"Extrapolation '{mode}' needs at least 4 electrodes; got {pos.Length}.");
        DelaunayTriangulation tri = triangulate(pos);
        double distance = MedianEdgeLength(tri);
        return mode == TopomapExtrapolation.Head ? HeadRing(origin, radius, distance) : Local(pos, tri, distance);
    }

    // MNE takes edges (v0, v1) and (v1, v2) of every simplex, duplicates included, and their median length.
    private static double MedianEdgeLength(DelaunayTriangulation tri)
    {
        var lengths = new List<double>(2 * tri.Triangles.Count);
        foreach (var t in tri.Triangles) lengths.Add(Point2.Distance(tri.Points[t.A], tri.Points[t.B]));
        foreach (var t in tri.Triangles) lengths.Add(Point2.Distance(tri.Points[t.B], tri.Points[t.C]));
        return Median(lengths);
    }

    private static Point2[] HeadRing(Point2 origin, double radius, double distance)
    {
        double angle = Math.Asin(Math.Min(distance / radius, 1));
        int count = Math.Max(12, (int)Math.Round(2 * Math.PI / angle, MidpointRounding.ToEven));
        double step = 2 * Math.PI / count;
        double r = radius * 1.1 + distance;
        var points = new Point2[count];
        for (int i = 0; i < count; i++)
        {
            double l = i * step;
            points[i] = new Point2(Math.Cos(l) * r + origin.X, Math.Sin(l) * r + origin.Y);
        }
        return points;
    }

    // Hull edges are taken counter-clockwise (Qhull's orientation varies per edge; only the extra points placed along
    // long hull edges depend on it).
    private static Point2[] Local(Point2[] pos, DelaunayTriangulation tri, double distance)
    {
        var center = new Point2(pos.Average(p => p.X), pos.Average(p => p.Y));
        Point2 Extend(Point2 p)
        {
            double rx = p.X - center.X, ry = p.Y - center.Y, n = Math.Sqrt(rx * rx + ry * ry);
            return new Point2(p.X + rx / n * distance, p.Y + ry / n * distance);
        }
        var edges = tri.HullEdges().ToArray();
        var extended = new SortedSet<Point2>(Comparer<Point2>.Create((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y)));
        foreach (var (a, b) in edges) { extended.Add(Extend(pos[a])); extended.Add(Extend(pos[b])); }
        var result = new List<Point2>(extended);
        var times = edges.Select(e => (int)Math.Round(0.25 * Point2.Distance(pos[e.From], pos[e.To]) / distance, MidpointRounding.ToEven)).ToArray();
        int max = times.Length == 0 ? 0 : times.Max();
        for (int n = 2; n <= max; n++)
        {
            double step = 1.0 / n;
            int steps = (int)Math.Ceiling((1 - 2.220446049250313e-16 - step) / step);
            for (int s = 0; s < steps; s++)
            {
                double mult = step + s * step;
                for (int e = 0; e < edges.Length; e++)
                {
                    if (times[e] != n) continue;
                    Point2 a = pos[edges[e].From], b = pos[edges[e].To], start = Extend(a);
                    result.Add(new Point2(start.X + (b.X - a.X) * mult, start.Y + (b.Y - a.Y) * mult));
                }
            }
        }
        return result.ToArray();
    }

    /// <summary>The (N + extra) × N matrix and offset giving every point's value from the electrode values:
    /// identity for electrodes; for an extra point the mean of the electrodes it is joined to (MNE's
    /// <c>border='mean'</c>; extra points joined to none take the mean of the other extra points), or the constant
    /// <paramref name="border"/>.</summary>
    public static (double[] Matrix, double[] Offset) ValueOperator(DelaunayTriangulation tri, int electrodes, double? border)
    {
        int total = tri.Points.Count, extra = total - electrodes;
        var matrix = new double[total * electrodes];
        var offset = new double[total];
        for (int i = 0; i < electrodes; i++) matrix[i * electrodes + i] = 1;
        if (extra == 0) return (matrix, offset);
        if (border is double constant)
        {
            for (int e = electrodes; e < total; e++) offset[e] = constant;
            return (matrix, offset);
        }
        var used = new bool[total];
        for (int e = electrodes; e < total; e++)
        {
            var ngb = tri.VertexNeighbors(e).Where(j => j < electrodes).ToArray();
            if (ngb.Length == 0) continue;
            used[e] = true;
            foreach (int j in ngb) matrix[e * electrodes + j] += 1.0 / ngb.Length;
        }
        int usedCount = used.Count(u => u);
        if (usedCount > 0 && usedCount < extra)
            for (int e = electrodes; e < total; e++)
            {
                if (used[e]) continue;
                for (int u = electrodes; u < total; u++)
                    if (used[u])
                        for (int j = 0; j < electrodes; j++) matrix[e * electrodes + j] += matrix[u * electrodes + j] / usedCount;
            }
        return (matrix, offset);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
