namespace MlNetEmotion.Neural.Kernels;

/// <summary>
/// Single-precision general matrix multiply on row-major spans, BLAS <c>sgemm</c> semantics:
/// <c>C = alpha * op(A) * op(B) + beta * C</c>, where op(X) is X or its transpose.
/// </summary>
public static class Gemm
{
    /// <summary>Computes <c>C = alpha * op(A) * op(B) + beta * C</c> on row-major storage.</summary>
    /// <param name="transA">Use Aᵀ: A is stored as k×m (leading dimension <paramref name="lda"/>).</param>
    /// <param name="transB">Use Bᵀ: B is stored as n×k (leading dimension <paramref name="ldb"/>).</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Storage of A.</param>
    /// <param name="lda">Row stride of A's storage.</param>
    /// <param name="b">Storage of B.</param>
    /// <param name="ldb">Row stride of B's storage.</param>
    /// <param name="beta">Scale of the existing C (0 overwrites C, ignoring NaNs in it).</param>
    /// <param name="c">Storage of C (m×n).</param>
    /// <param name="ldc">Row stride of C.</param>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        // Reference implementation; the kernels work replaces it with a packed, vectorised, parallel one.
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transA ? a[p * lda + i] : a[i * lda + p];
                    float bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += av * bv;
                }
                ref float cij = ref c[i * ldc + j];
                cij = beta == 0 ? alpha * sum : alpha * sum + beta * cij;
            }
        }
    }
}
