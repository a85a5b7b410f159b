using System.Buffers;
using System.Numerics.Tensors;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>The single-row product (m = 1, e.g. batch-1 inference) and the outer product (k = 1, e.g. a batch-1 weight
/// gradient) of <see cref="Gemm.Sgemm"/>: a 6-row register tile would waste 5/6 of its work, or pack both operands for a
/// single multiply per element, so they are computed directly with vector primitives.</summary>
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

    /// <summary><c>C = alpha · a bᵀ + beta · C</c> for a column <paramref name="a"/> (m values at stride
    /// <paramref name="strideA"/>) and a row <paramref name="b"/> (n values at stride <paramref name="strideB"/>): each
    /// element is the one product the tiled path would form, with the same epilogue, so the results are the same.</summary>
    public static void Outer(int m, int n, float alpha, ReadOnlySpan<float> a, int strideA, ReadOnlySpan<float> b, int strideB,
        float beta, Span<float> c, int ldc)
    {
        float[]? gathered = strideB == 1 ? null : ArrayPool<float>.Shared.Rent(n);
        float[] rented = ArrayPool<float>.Shared.Rent(n);
        try
        {
            ReadOnlySpan<float> row = gathered is null ? b[..n] : Gather(b, strideB, n, gathered);
            var product = rented.AsSpan(0, n);
            for (int i = 0; i < m; i++)
            {
                var target = c.Slice(i * ldc, n);
                TensorPrimitives.Multiply(row, a[i * strideA], product);
                if (alpha != 1) TensorPrimitives.Multiply(product, alpha, product);
                if (beta == 0) product.CopyTo(target);
                else TensorPrimitives.MultiplyAdd(target, beta, product, target);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
            if (gathered is not null) ArrayPool<float>.Shared.Return(gathered);
        }
    }

    private static ReadOnlySpan<float> Gather(ReadOnlySpan<float> a, int stride, int k, float[] row)
    {
        for (int p = 0; p < k; p++) row[p] = a[p * stride];
        return row.AsSpan(0, k);
    }
}
