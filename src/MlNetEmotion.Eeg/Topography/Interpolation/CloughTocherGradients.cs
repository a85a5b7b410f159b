using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Topography.Interpolation;

/// <summary>The vertex gradients of scipy's <c>CloughTocher2DInterpolator</c> (<c>estimate_gradients_2d_global</c>,
/// after Nielson 1983 and Renka &amp; Cline 1984) as a linear operator of the vertex values.</summary>
/// <remarks>scipy minimises the summed squared second derivative of the cubic along every edge,
/// Σ_E ∫_E |W''|², vertex by vertex with Gauss–Seidel sweeps. The minimiser solves, for each vertex i with
/// edges E = p_j − p_i of length L:
/// Σ_j 4EEᵀ/L³ ∇f_i + Σ_j 2EEᵀ/L³ ∇f_j = −Σ_j 6 (f_i − f_j) E/L³.
/// Here that 2N × 2N system is solved directly for every unit value vector, so the gradients are the converged
/// limit of scipy's iteration (scipy stops when a sweep changes them by less than tol = 1e-6, relative; on real
/// EEG band powers its images differ from the limit by about 1e-8 relative).</remarks>
internal static class CloughTocherGradients
{
    /// <summary>Returns G (2N × N, row-major): ∇f at vertex i is (G[2i] · f, G[2i+1] · f).</summary>
    public static double[] Operator(DelaunayTriangulation tri)
    {
        int n = tri.Points.Count, n2 = 2 * n;
        var a = new double[n2 * n2];
        var b = new double[n2 * n];
        for (int i = 0; i < n; i++)
        {
            Point2 pi = tri.Points[i];
            foreach (int j in tri.VertexNeighbors(i))
            {
                double ex = tri.Points[j].X - pi.X, ey = tri.Points[j].Y - pi.Y;
                double l = Math.Sqrt(ex * ex + ey * ey), l3 = l * l * l;
                double xx = ex * ex / l3, xy = ex * ey / l3, yy = ey * ey / l3;
                a[(2 * i) * n2 + 2 * i] += 4 * xx;
                a[(2 * i) * n2 + 2 * i + 1] += 4 * xy;
                a[(2 * i + 1) * n2 + 2 * i] += 4 * xy;
                a[(2 * i + 1) * n2 + 2 * i + 1] += 4 * yy;
                a[(2 * i) * n2 + 2 * j] += 2 * xx;
                a[(2 * i) * n2 + 2 * j + 1] += 2 * xy;
                a[(2 * i + 1) * n2 + 2 * j] += 2 * xy;
                a[(2 * i + 1) * n2 + 2 * j + 1] += 2 * yy;
                b[(2 * i) * n + i] -= 6 * ex / l3;
                b[(2 * i) * n + j] += 6 * ex / l3;
                b[(2 * i + 1) * n + i] -= 6 * ey / l3;
                b[(2 * i + 1) * n + j] += 6 * ey / l3;
            }
        }
        DenseLu.Solve(a, n2, b, n);
        return b;
    }
}
