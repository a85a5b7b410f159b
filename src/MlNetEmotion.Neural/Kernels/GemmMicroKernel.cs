using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>How a computed tile is merged into C: <c>C = alpha·acc + beta·C</c> on the first k-block
/// (<c>beta = 0</c> overwrites, ignoring NaNs in C), <c>C = C + alpha·acc</c> on later ones.</summary>
/// <param name="Alpha">Scale of the product.</param>
/// <param name="Beta">Scale of the old C, used only when <paramref name="First"/>.</param>
/// <param name="First">Whether this is the first k-block.</param>
internal readonly record struct GemmEpilogue(float Alpha, float Beta, bool First)
{
    /// <summary>Scalar merge; the vector merge performs the same operations in the same order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Merge(float acc, float old)
    {
        float t = acc * Alpha;
        if (!First) return old + t;
        return Beta == 0 ? t : t + old * Beta;
    }

    /// <summary>Vector merge of one register of a tile into C at <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Merge<TOps, TV>(float* c, TV acc) where TOps : struct, ISimdOps<TV> where TV : struct
    {
        TV t = TOps.Multiply(acc, TOps.Splat(Alpha));
        if (!First) t = TOps.Add(TOps.Load(c), t);
        else if (Beta != 0) t = TOps.Add(t, TOps.Multiply(TOps.Load(c), TOps.Splat(Beta)));
        TOps.Store(c, t);
    }
}

/// <summary>The register-blocked GEMM micro-kernel: a <see cref="Rows"/> × (2 vectors) tile of C from packed
/// panels of A (<see cref="Rows"/> values per k step) and B (2 vectors per k step).</summary>
[SkipLocalsInit]
internal static unsafe class GemmMicroKernel
{
    /// <summary>Rows of the register tile (MR).</summary>
    public const int Rows = 6;

    /// <summary>Computes one tile: <paramref name="rows"/> ≤ <see cref="Rows"/> and <paramref name="cols"/> ≤ 2·width
    /// of it are merged into C; the packed panels are zero-padded so partial tiles do the same arithmetic.
    /// B's k steps are <paramref name="ldb"/> floats apart: 2·width for a packed panel, or the row stride when
    /// a full-width panel is read in place from an untransposed B.</summary>
    public static void Run<TOps, TV>(int kc, float* a, float* b, int ldb, float* c, int ldc, int rows, int cols, GemmEpilogue epilogue)
        where TOps : struct, ISimdOps<TV> where TV : struct
    {
        int w = TOps.Count;
        int ld = 2 * w;
        if (Sse.IsSupported)
        {
            for (int i = 0; i < rows; i++)
            {
                Sse.Prefetch0(c + (long)i * ldc);
                Sse.Prefetch0(c + (long)i * ldc + cols - 1);
            }
        }
        float* tile = stackalloc float[Rows * 2 * 16];
        Accumulate<TOps, TV>(kc, a, b, ldb, tile);
        if (rows == Rows && cols == ld)
        {
            for (int i = 0; i < Rows; i++, c += ldc, tile += ld)
            {
                epilogue.Merge<TOps, TV>(c, TOps.Load(tile));
                epilogue.Merge<TOps, TV>(c + w, TOps.Load(tile + w));
            }
            return;
        }
        for (int i = 0; i < rows; i++)
        {
            float* ci = c + (long)i * ldc;
            for (int j = 0; j < cols; j++) ci[j] = epilogue.Merge(tile[i * ld + j], ci[j]);
        }
    }

    /// <summary>The hot loop: the 12 accumulators stay in registers for all <paramref name="kc"/> steps,
    /// then go to <paramref name="tile"/> (row stride 2·width). Kept apart from the merge so the register
    /// allocator has nothing else live in the loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TOps, TV>(int kc, float* a, float* b, int ldb, float* tile)
        where TOps : struct, ISimdOps<TV> where TV : struct
    {
        int w = TOps.Count;
        TV c00 = TOps.Zero, c01 = TOps.Zero, c10 = TOps.Zero, c11 = TOps.Zero, c20 = TOps.Zero, c21 = TOps.Zero;
        TV c30 = TOps.Zero, c31 = TOps.Zero, c40 = TOps.Zero, c41 = TOps.Zero, c50 = TOps.Zero, c51 = TOps.Zero;
        for (int p = 0; p < kc; p++)
        {
            TV b0 = TOps.Load(b), b1 = TOps.Load(b + w);
            TV x = TOps.Broadcast(a);
            c00 = TOps.MultiplyAdd(x, b0, c00); c01 = TOps.MultiplyAdd(x, b1, c01);
            x = TOps.Broadcast(a + 1);
            c10 = TOps.MultiplyAdd(x, b0, c10); c11 = TOps.MultiplyAdd(x, b1, c11);
            x = TOps.Broadcast(a + 2);
            c20 = TOps.MultiplyAdd(x, b0, c20); c21 = TOps.MultiplyAdd(x, b1, c21);
            x = TOps.Broadcast(a + 3);
            c30 = TOps.MultiplyAdd(x, b0, c30); c31 = TOps.MultiplyAdd(x, b1, c31);
            x = TOps.Broadcast(a + 4);
            c40 = TOps.MultiplyAdd(x, b0, c40); c41 = TOps.MultiplyAdd(x, b1, c41);
            x = TOps.Broadcast(a + 5);
            c50 = TOps.MultiplyAdd(x, b0, c50); c51 = TOps.MultiplyAdd(x, b1, c51);
            a += Rows;
            b += ldb;
        }
        int ld = 2 * w;
        TOps.Store(tile, c00); TOps.Store(tile + w, c01);
        TOps.Store(tile + ld, c10); TOps.Store(tile + ld + w, c11);
        TOps.Store(tile + 2 * ld, c20); TOps.Store(tile + 2 * ld + w, c21);
        TOps.Store(tile + 3 * ld, c30); TOps.Store(tile + 3 * ld + w, c31);
        TOps.Store(tile + 4 * ld, c40); TOps.Store(tile + 4 * ld + w, c41);
        TOps.Store(tile + 5 * ld, c50); TOps.Store(tile + 5 * ld + w, c51);
    }
}
