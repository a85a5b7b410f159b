namespace MlNetEmotion.Neural.Internal;

/// <summary>Copies a strided view of a source array into contiguous row-major order (permute, expand).</summary>
internal static class StridedGather
{
    /// <summary>Output's last two dims are the source's last two swapped: copy [rows × cols] blocks in cache-sized tiles.</summary>
    private static void TransposeLastTwo<T>(T[] src, long[] srcStrides, long[] outShape, T[] dst)
    {
        const int tile = 32;
        int rank = outShape.Length;
        int rows = (int)outShape[rank - 2], cols = (int)outShape[rank - 1], plane = rows * cols;
        int planes = dst.Length / plane;
        Parallelism.For(planes, plane, pl =>
        {
            long off = 0, rem = pl;
            for (int d = rank - 3; d >= 0; d--)
            {
                long i = rem % outShape[d];
                rem /= outShape[d];
                off += i * srcStrides[d];
            }
            // Source plane is [cols, rows] row-major; output plane is [rows, cols].
            int o = pl * plane;
            for (int r0 = 0; r0 < rows; r0 += tile)
                for (int c0 = 0; c0 < cols; c0 += tile)
                {
                    int r1 = Math.Min(r0 + tile, rows), c1 = Math.Min(c0 + tile, cols);
                    for (int r = r0; r < r1; r++)
                        for (int c = c0; c < c1; c++) dst[o + r * cols + c] = src[off + (long)c * rows + r];
                }
        });
    }

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
        if (rank >= 2 && innerStride == outShape[rank - 2] && srcStrides[rank - 2] == 1 && inner > 1 && outShape[rank - 2] > 1)
        {
            TransposeLastTwo(src, srcStrides, outShape, dst);
            return;
        }
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
