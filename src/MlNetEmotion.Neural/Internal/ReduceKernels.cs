using System.Numerics.Tensors;

namespace MlNetEmotion.Neural.Internal;

/// <summary>Reductions over one dim of a tensor viewed as [outer, reduced, inner].</summary>
internal static class ReduceKernels
{
    /// <summary>dst[outer, inner] = Σ_j src[outer, j, inner]; fixed summation order.</summary>
    public static void Sum(float[] src, int outer, int r, int inner, float[] dst)
    {
        if (inner == 1)
        {
            Parallelism.For(outer, r, o => dst[o] = TensorPrimitives.Sum(src.AsSpan(o * r, r)));
            return;
        }
        Parallelism.For(outer, (long)r * inner, o =>
        {
            var d = dst.AsSpan(o * inner, inner);
            int baseIx = o * r * inner;
            if (r == 0)
            {
                d.Clear();
                return;
            }
            src.AsSpan(baseIx, inner).CopyTo(d);
            for (int j = 1; j < r; j++) TensorPrimitives.Add(d, src.AsSpan(baseIx + j * inner, inner), d);
        });
    }

    /// <summary>dst[outer, inner] = max_j src[outer, j, inner], and the first index of the max when <paramref name="argmax"/> is given.</summary>
    public static void Max(float[] src, int outer, int r, int inner, float[] dst, long[]? argmax, bool min = false)
    {
        Parallelism.For(outer, (long)r * inner, o =>
        {
            int baseIx = o * r * inner;
            for (int i = 0; i < inner; i++)
            {
                float best = src[baseIx + i];
                long bestJ = 0;
                for (int j = 1; j < r; j++)
                {
                    float v = src[baseIx + j * inner + i];
                    if (float.IsNaN(best)) break;
                    if (float.IsNaN(v) || (min ? v < best : v > best))
                    {
                        best = v;
                        bestJ = j;
                    }
                }
                dst[o * inner + i] = best;
                if (argmax is not null) argmax[o * inner + i] = bestJ;
            }
        });
    }
}
