using System.Buffers;
using System.Numerics.Tensors;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>The single-row product (m = 1, e.g. batch-1 inference) of <see cref="Gemm.Sgemm"/>: a 6-row
/// register tile would waste 5/6 of its work, so the row is computed directly with vector primitives.</summary>
internal static class Gemv
{
    /// <summary><c>c[0, :] = alpha · a · op(B) + beta · c[0, :]</c> for a single row <paramref name="a"/>
    /// (k values at stride <paramref name="strideA"/>); same epilogue as the tiled path.</summary>
    public static void Multiply(bool transB, int n, int k, float alpha, ReadOnlySpan<float> a, int strideA,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c)
    {
        float[] rented = ArrayPool<float>.Shared.Rent(n);
        var acc = rented.AsSpan(0, n);
        try
        {
            if (transB)
            {
                float[]? row = strideA == 1 ? null : ArrayPool<float>.Shared.Rent(k);
                try
                {
                    ReadOnlySpan<float> x = row is null ? a[..k] : Gather(a, strideA, k, row);
                    for (int j = 0; j < n; j++) acc[j] = TensorPrimitives.Dot(x, b.Slice(j * ldb, k));
                }
                finally
                {
                    if (row is not null) ArrayPool<float>.Shared.Return(row);
                }
            }
            else
            {
                acc.Clear();
                for (int p = 0; p < k; p++)
                    TensorPrimitives.FusedMultiplyAdd(b.Slice(p * ldb, n), a[p * strideA], acc, acc);
            }
            var epilogue = new GemmEpilogue(alpha, beta, First: true);
            for (int j = 0; j < n; j++) c[j] = epilogue.Merge(acc[j], c[j]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static ReadOnlySpan<float> Gather(ReadOnlySpan<float> a, int stride, int k, float[] row)
    {
        for (int p = 0; p < k; p++) row[p] = a[p * stride];
        return row.AsSpan(0, k);
    }
}
