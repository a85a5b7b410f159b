using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Topography.Interpolation;

/// <summary>scipy's Clough–Tocher cubic on one triangle (<c>_clough_tocher_2d_single</c>): the triangle is split at its
/// centroid into three cubic Bézier patches whose control points come from vertex values and gradients; the
/// cross-boundary derivative is taken along the direction to the neighbour's centroid, which keeps the
/// interpolant C1 and affine-invariant.</summary>
internal static class CloughTocherElement
{
    /// <summary>Writes the 9 weights of (f_A, f_B, f_C, ∂x f_A, ∂y f_A, ∂x f_B, ∂y f_B, ∂x f_C, ∂y f_C) in the value at
    /// barycentric point <paramref name="b"/> of triangle <paramref name="t"/>; the cubic is linear in these inputs.</summary>
    public static void Weights(DelaunayTriangulation tri, int t, ReadOnlySpan<double> b, Span<double> weights)
    {
        Span<double> g = stackalloc double[3];
        CrossDirections(tri, t, g);
        Span<double> f = stackalloc double[3];
        Span<double> df = stackalloc double[6];
        for (int k = 0; k < 9; k++)
        {
            f.Clear();
            df.Clear();
            if (k < 3) f[k] = 1; else df[k - 3] = 1;
            weights[k] = Evaluate(tri, t, g, b, f, df);
        }
    }

    private static void CrossDirections(DelaunayTriangulation tri, int t, Span<double> g)
    {
        Span<double> c = stackalloc double[3];
        for (int k = 0; k < 3; k++)
        {
            int other = tri.Neighbor(t, k);
            if (other < 0)
            {
                g[k] = -0.5;
                continue;
            }
            Triangle n = tri.Triangles[other];
            var centroid = new Point2(
                (tri.Points[n.A].X + tri.Points[n.B].X + tri.Points[n.C].X) / 3,
                (tri.Points[n.A].Y + tri.Points[n.B].Y + tri.Points[n.C].Y) / 3);
            tri.Barycentric(t, centroid, c);
            g[k] = k switch
            {
                0 => (2 * c[2] + c[1] - 1) / (2 - 3 * c[2] - 3 * c[1]),
                1 => (2 * c[0] + c[2] - 1) / (2 - 3 * c[0] - 3 * c[2]),
                _ => (2 * c[1] + c[0] - 1) / (2 - 3 * c[1] - 3 * c[0]),
            };
        }
    }

    private static double Evaluate(DelaunayTriangulation tri, int t, ReadOnlySpan<double> g, ReadOnlySpan<double> b,
        ReadOnlySpan<double> f, ReadOnlySpan<double> df)
    {
        Triangle s = tri.Triangles[t];
        Point2 p1 = tri.Points[s.A], p2 = tri.Points[s.B], p3 = tri.Points[s.C];
        double e12x = p2.X - p1.X, e12y = p2.Y - p1.Y;
        double e23x = p3.X - p2.X, e23y = p3.Y - p2.Y;
        double e31x = p1.X - p3.X, e31y = p1.Y - p3.Y;

        double df12 = +(df[0] * e12x + df[1] * e12y);
        double df21 = -(df[2] * e12x + df[3] * e12y);
        double df23 = +(df[2] * e23x + df[3] * e23y);
        double df32 = -(df[4] * e23x + df[5] * e23y);
        double df31 = +(df[4] * e31x + df[5] * e31y);
        double df13 = -(df[0] * e31x + df[1] * e31y);

        double c3000 = f[0], c2100 = (df12 + 3 * c3000) / 3, c2010 = (df13 + 3 * c3000) / 3;
        double c0300 = f[1], c1200 = (df21 + 3 * c0300) / 3, c0210 = (df23 + 3 * c0300) / 3;
        double c0030 = f[2], c1020 = (df31 + 3 * c0030) / 3, c0120 = (df32 + 3 * c0030) / 3;
        double c2001 = (c2100 + c2010 + c3000) / 3;
        double c0201 = (c1200 + c0300 + c0210) / 3;
        double c0021 = (c1020 + c0120 + c0030) / 3;

        double c0111 = (g[0] * (-c0300 + 3 * c0210 - 3 * c0120 + c0030) + (-c0300 + 2 * c0210 - c0120 + c0021 + c0201)) / 2;
        double c1011 = (g[1] * (-c0030 + 3 * c1020 - 3 * c2010 + c3000) + (-c0030 + 2 * c1020 - c2010 + c2001 + c0021)) / 2;
        double c1101 = (g[2] * (-c3000 + 3 * c2100 - 3 * c1200 + c0300) + (-c3000 + 2 * c2100 - c1200 + c2001 + c0201)) / 2;
        double c1002 = (c1101 + c1011 + c2001) / 3;
        double c0102 = (c1101 + c0111 + c0201) / 3;
        double c0012 = (c1011 + c0111 + c0021) / 3;
        double c0003 = (c1002 + c0102 + c0012) / 3;

        double min = Math.Min(b[0], Math.Min(b[1], b[2]));
        double b1 = b[0] - min, b2 = b[1] - min, b3 = b[2] - min, b4 = 3 * min;
        return b1 * b1 * b1 * c3000 + 3 * b1 * b1 * b2 * c2100 + 3 * b1 * b1 * b3 * c2010 + 3 * b1 * b1 * b4 * c2001
             + 3 * b1 * b2 * b2 * c1200 + 6 * b1 * b2 * b4 * c1101 + 3 * b1 * b3 * b3 * c1020 + 6 * b1 * b3 * b4 * c1011
             + 3 * b1 * b4 * b4 * c1002 + b2 * b2 * b2 * c0300 + 3 * b2 * b2 * b3 * c0210 + 3 * b2 * b2 * b4 * c0201
             + 3 * b2 * b3 * b3 * c0120 + 6 * b2 * b3 * b4 * c0111 + 3 * b2 * b4 * b4 * c0102 + b3 * b3 * b3 * c0030
             + 3 * b3 * b3 * b4 * c0021 + 3 * b3 * b4 * b4 * c0012 + b4 * b4 * b4 * c0003;
    }
}
