namespace MlNetEmotion.Neural.Internal;

/// <summary>Copies a strided view of a source array into contiguous row-major order (permute, expand).</summary>
internal static class StridedGather
{
    /// <summary>dst[i0..] = src[Σ i_k × srcStrides[k]] over <paramref name="outShape"/>.</summary>
    public static void Copy<T>(T[] src, long[] srcStrides, long[] outShape, T[] dst)
    {
        int rank = outShape.Length;
        if (dst.Length == 0) return;
        if (rank == 0)
        {
            dst[0] = src[0];
            return;
        }
        int inner = (int)outShape[rank - 1];
        long innerStride = srcStrides[rank - 1];
        int rows = dst.Length / inner;
        Parallelism.For(rows, inner, r =>
        {
            long off = 0, rem = r;
            for (int d = rank - 2; d >= 0; d--)
            {
                long i = rem % outShape[d];
                rem /= outShape[d];
                off += i * srcStrides[d];
            }
            var row = dst.AsSpan(r * inner, inner);
            if (innerStride == 1) src.AsSpan((int)off, inner).CopyTo(row);
            else if (innerStride == 0) row.Fill(src[off]);
            else for (int j = 0; j < inner; j++) row[j] = src[off + j * innerStride];
        });
    }
}
