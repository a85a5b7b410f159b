namespace MlNetEmotion.Neural.Kernels;

/// <summary>Copies blocks of A and B into the contiguous, zero-padded panel layout the micro-kernel reads.</summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs rows <c>[i0, i0 + rows)</c> × columns <c>[p0, p0 + kc)</c> of op(A) as panels of
    /// <see cref="GemmMicroKernel.Rows"/> rows: panel r holds, for each k step, its rows' values side by side.</summary>
    public static void PackA(bool transA, float* a, int lda, int i0, int rows, int p0, int kc, float* dest)
    {
        const int mr = GemmMicroKernel.Rows;
        for (int r = 0; r < rows; r += mr, dest += (long)kc * mr)
        {
            int valid = Math.Min(mr, rows - r);
            if (transA)
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = a + (long)(p0 + p) * lda + i0 + r;
                    float* d = dest + p * mr;
                    int i = 0;
                    for (; i < valid; i++) d[i] = src[i];
                    for (; i < mr; i++) d[i] = 0;
                }
            }
            else
            {
                for (int i = 0; i < mr; i++)
                {
                    float* d = dest + i;
                    if (i >= valid)
                    {
                        for (int p = 0; p < kc; p++) d[p * mr] = 0;
                        continue;
                    }
                    float* src = a + (long)(i0 + r + i) * lda + p0;
                    for (int p = 0; p < kc; p++) d[p * mr] = src[p];
                }
            }
        }
    }

    /// <summary>Packs rows <c>[p0, p0 + kc)</c> × columns <c>[j0 + panel·nr, …)</c> of op(B) for panels
    /// <c>[panelStart, panelEnd)</c>, each <paramref name="nr"/> columns wide, clipped at column <paramref name="n"/>.</summary>
    public static void PackB(bool transB, float* b, int ldb, int p0, int kc, int j0, int n, int nr,
        int panelStart, int panelEnd, float* dest)
    {
        for (int jp = panelStart; jp < panelEnd; jp++)
        {
            int j = j0 + jp * nr;
            int valid = Math.Min(nr, n - j);
            float* d0 = dest + (long)jp * kc * nr;
            if (transB)
            {
                for (int jj = 0; jj < nr; jj++)
                {
                    float* d = d0 + jj;
                    if (jj >= valid)
                    {
                        for (int p = 0; p < kc; p++) d[p * nr] = 0;
                        continue;
                    }
                    float* src = b + (long)(j + jj) * ldb + p0;
                    for (int p = 0; p < kc; p++) d[p * nr] = src[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = b + (long)(p0 + p) * ldb + j;
                    float* d = d0 + p * nr;
                    new ReadOnlySpan<float>(src, valid).CopyTo(new Span<float>(d, nr));
                    if (valid < nr) new Span<float>(d + valid, nr - valid).Clear();
                }
            }
        }
    }
}
