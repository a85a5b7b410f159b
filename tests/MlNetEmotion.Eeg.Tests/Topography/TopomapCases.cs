using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Tests.Topography;

/// <summary>The electrode sets and reference images of tests/data/eeg/topomaps (see make_topomap_fixtures.py).</summary>
internal static class TopomapCases
{
    public const int Frames = 2, Bands = 3, Size = 32;

    public static Point2[] Points(string name)
    {
        double[] v = TopographyData.F64(name);
        return Enumerable.Range(0, v.Length / 2).Select(i => new Point2(v[2 * i], v[2 * i + 1])).ToArray();
    }

    public static Triangle[] Simplices(string name)
    {
        int[] v = TopographyData.I32(name);
        return Enumerable.Range(0, v.Length / 3).Select(i => new Triangle(v[3 * i], v[3 * i + 1], v[3 * i + 2])).ToArray();
    }

    /// <summary>Band powers [frame, band, electrode] of the 64 PhysioNet channels.</summary>
    public static double[] Power64 => TopographyData.F64("band_power_64");

    /// <summary>Band powers [frame, band, electrode] of the 32 DEAP channels.</summary>
    public static double[] Power32
    {
        get
        {
            double[] p = Power64;
            int[] idx = TopographyData.I32("deap_indices_in_64");
            var r = new double[Frames * Bands * 32];
            for (int m = 0; m < Frames * Bands; m++)
                for (int e = 0; e < 32; e++) r[m * 32 + e] = p[m * 64 + idx[e]];
            return r;
        }
    }

    /// <summary>Head-coordinate positions of the 64 PhysioNet channels on standard_1020.</summary>
    public static Montage PhysioNetOnStandard1020 => StandardMontages.Create("standard_1020").Select(TopographyData.PhysioNet64);

    /// <summary>A triangulation function that returns Qhull's triangles for the point sets it knows.</summary>
    public static Func<IReadOnlyList<Point2>, DelaunayTriangulation> Qhull(params string[] simplexFixtures)
    {
        var byCount = simplexFixtures.Select(Simplices).ToArray();
        return points =>
        {
            foreach (var s in byCount)
                if (s.Max(t => Math.Max(t.A, Math.Max(t.B, t.C))) == points.Count - 1)
                    return DelaunayTriangulation.FromTriangles(points, s);
            throw new InvalidOperationException($"No Qhull fixture for {points.Count} points.");
        };
    }

    /// <summary>Interpolates every [frame, band] map of <paramref name="power"/> in double precision.</summary>
    public static double[] Images(TopomapInterpolator interpolator, double[] power)
    {
        int n = interpolator.ElectrodeCount, pixels = interpolator.Height * interpolator.Width;
        var images = new double[Frames * Bands * pixels];
        for (int m = 0; m < Frames * Bands; m++)
            interpolator.Interpolate(power.AsSpan(m * n, n), images.AsSpan(m * pixels, pixels));
        return images;
    }

    /// <summary>max |a − b| / max |b| over pixels where both are defined; NaN patterns must agree.</summary>
    public static double RelativeError(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double maxDiff = 0, maxAbs = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(double.IsNaN(expected[i]) == double.IsNaN(actual[i]),
                $"pixel {i}: expected {expected[i]}, got {actual[i]} (pixels outside the triangulation must agree)");
            if (double.IsNaN(expected[i])) continue;
            maxDiff = Math.Max(maxDiff, Math.Abs(expected[i] - actual[i]));
            maxAbs = Math.Max(maxAbs, Math.Abs(expected[i]));
        }
        return maxDiff / maxAbs;
    }

    /// <summary>Bashivan's images are indexed [x, y]; ours [y, x].</summary>
    public static double[] Transpose(double[] images)
    {
        var r = new double[images.Length];
        for (int m = 0; m < images.Length / (Size * Size); m++)
            for (int i = 0; i < Size; i++)
                for (int j = 0; j < Size; j++)
                    r[m * Size * Size + j * Size + i] = images[m * Size * Size + i * Size + j];
        return r;
    }
}
