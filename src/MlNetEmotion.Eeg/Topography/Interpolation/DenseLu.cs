namespace MlNetEmotion.Eeg.Topography.Interpolation;

/// <summary>Solves A X = B for a small dense square A by LU decomposition with partial pivoting.</summary>
internal static class DenseLu
{
    /// <summary>Overwrites <paramref name="b"/> (n × m, row-major) with A⁻¹B; <paramref name="a"/> (n × n) is destroyed.</summary>
    public static void Solve(double[] a, int n, double[] b, int m)
    {
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++)
                if (Math.Abs(a[i * n + k]) > Math.Abs(a[pivot * n + k])) pivot = i;
            if (a[pivot * n + k] == 0) throw new InvalidOperationException("Singular system in Clough-Tocher gradient estimation (degenerate triangulation).");
            if (pivot != k)
            {
                Swap(a.AsSpan(k * n, n), a.AsSpan(pivot * n, n));
                Swap(b.AsSpan(k * m, m), b.AsSpan(pivot * m, m));
            }
            double inv = 1 / a[k * n + k];
            for (int i = k + 1; i < n; i++)
            {
                double factor = a[i * n + k] * inv;
                if (factor == 0) continue;
                for (int j = k + 1; j < n; j++) a[i * n + j] -= factor * a[k * n + j];
                for (int j = 0; j < m; j++) b[i * m + j] -= factor * b[k * m + j];
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            for (int j = 0; j < m; j++)
            {
                double s = b[k * m + j];
                for (int i = k + 1; i < n; i++) s -= a[k * n + i] * b[i * m + j];
                b[k * m + j] = s / a[k * n + k];
            }
        }
    }

    private static void Swap(Span<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++) (x[i], y[i]) = (y[i], x[i]);
    }
}
