using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Tests.Topography;

public class DelaunayTests
{
    [Theory]
    [InlineData("mne64_pos", "mne64_head_extra", "mne64_head_simplices")]
    [InlineData("mne64_pos", "mne64_local_extra", "mne64_local_simplices")]
    [InlineData("mne64_pos", "mne64_box_extra", "mne64_box_simplices")]
    [InlineData("mne64_pos", null, "mne64_electrode_simplices")]
    [InlineData("bashivan32_pos", null, "bashivan32_simplices")]
    public void TrianglesEqualQhulls(string points, string? extra, string simplices)
    {
        Point2[] p = [.. TopomapCases.Points(points), .. extra is null ? [] : TopomapCases.Points(extra)];
        var ours = DelaunayTriangulation.Create(p).Triangles.Select(Key).ToHashSet();
        var qhull = TopomapCases.Simplices(simplices).Select(Key).ToHashSet();
        Assert.True(qhull.SetEquals(ours), $"{qhull.Except(ours).Count()} Qhull triangles missing, {ours.Except(qhull).Count()} extra");
    }

    [Fact]
    public void RandomPointSetsAreDelaunay()
    {
        Prop.ForAll(Gen.Choose(3, 60).SelectMany(n => Gen.Choose(0, 1000).Two().ArrayOf(n)).ToArbitrary(), raw =>
        {
            var points = raw.Select(t => new Point2(t.Item1 / 1000.0, t.Item2 / 1000.0)).Distinct().ToArray();
            if (points.Length < 3 || AllCollinear(points)) return true;
            var tri = DelaunayTriangulation.Create(points);
            int hull = tri.HullEdges().Count();
            // Euler: a triangulation of n points with h on the hull boundary has 2n − 2 − h triangles
            if (tri.Triangles.Count != 2 * points.Length - 2 - hull) return false;
            foreach (var t in tri.Triangles)
            {
                if (ExactPredicates.Orient(points[t.A], points[t.B], points[t.C]) <= 0) return false;
                for (int v = 0; v < points.Length; v++)
                    if (ExactPredicates.InCircle(points[t.A], points[t.B], points[t.C], points[v]) > 0) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CocircularGridIsTriangulated()
    {
        // a square lattice: every cell is co-circular; any diagonal is valid, but the count is fixed
        var points = (from i in Enumerable.Range(0, 6) from j in Enumerable.Range(0, 6) select new Point2(i, j)).ToArray();
        var tri = DelaunayTriangulation.Create(points);
        Assert.Equal(50, tri.Triangles.Count);
    }

    [Fact]
    public void DuplicatePointsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => DelaunayTriangulation.Create([new(0, 0), new(1, 0), new(0, 1), new(1, 0)]));
        Assert.Contains("1 and 3", e.Message);
    }

    [Fact]
    public void CollinearPointsAreRejected() =>
        Assert.Throws<ArgumentException>(() => DelaunayTriangulation.Create([new(0, 0), new(1, 1), new(2, 2)]));

    [Fact]
    public void PointLocationUsesScipysTolerance()
    {
        var tri = DelaunayTriangulation.Create([new(0, 0), new(1, 0), new(0, 1)]);
        Span<double> b = stackalloc double[3];
        Assert.Equal(0, tri.FindTriangle(new Point2(0.5, -1e-15), b));
        Assert.Equal(-1, tri.FindTriangle(new Point2(0.5, -1e-12), b));
    }

    private static (int, int, int) Key(Triangle t)
    {
        int[] v = [t.A, t.B, t.C];
        Array.Sort(v);
        return (v[0], v[1], v[2]);
    }

    private static bool AllCollinear(Point2[] p) =>
        Enumerable.Range(2, p.Length - 2).All(i => ExactPredicates.Orient(p[0], p[1], p[i]) == 0);
}
