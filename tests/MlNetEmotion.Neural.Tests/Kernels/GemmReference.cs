namespace MlNetEmotion.Neural.Tests.Kernels;

/// <summary>Double-precision naive GEMM and the float error bound a correct float GEMM must meet.</summary>
internal static class GemmReference
{
    /// <summary>Random floats in [-1, 1) from a seeded generator.</summary>
    public static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }

    /// <summary>Asserts that <paramref name="actual"/> (C after a float Sgemm on <paramref name="c0"/>) equals the
    /// double-precision result within the rounding bound <c>(k + 2)·2⁻²³·(|alpha|·Σ|a||b| + |beta·c|)</c>,
    /// and that elements outside the m×n window of C are untouched.</summary>
    public static void AssertMatches(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c0, int ldc, float[] actual)
    {
        const double eps = 1.0 / (1 << 23);
        var inside = new bool[actual.Length];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double av = transA ? a[p * lda + i] : a[i * lda + p];
                    double bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += av * bv;
                    magnitude += Math.Abs(av * bv);
                }
                int at = i * ldc + j;
                inside[at] = true;
                double expected = alpha * sum + (beta == 0 ? 0 : beta * (double)c0[at]);
                double bound = (k + 2) * eps * (Math.Abs(alpha) * magnitude + Math.Abs(beta * (double)c0[at])) + 1e-30;
                double error = Math.Abs(actual[at] - expected);
                if (!(error <= bound))
                    Assert.Fail($"C[{i},{j}] = {actual[at]} but expected {expected} ± {bound} " +
                        $"(transA={transA}, transB={transB}, m={m}, n={n}, k={k}, alpha={alpha}, beta={beta})");
            }
        }
        for (int at = 0; at < actual.Length; at++)
            if (!inside[at])
                Assert.True(BitConverter.SingleToInt32Bits(actual[at]) == BitConverter.SingleToInt32Bits(c0[at]),
                    $"C storage at {at} lies outside the {m}×{n} window (ldc {ldc}) but was changed");
    }
}
