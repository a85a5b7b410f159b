using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
                    if (valid == mr)
                    {
                        Unsafe.CopyBlockUnaligned(d, src, mr * sizeof(float));
                        continue;
                    }
                    int i = 0;
                    for (; i < valid; i++) d[i] = src[i];
                    for (; i < mr; i++) d[i] = 0;
                }
            }
            else if (valid == mr && Avx.IsSupported)
            {
                float* row = a + (long)(i0 + r) * lda + p0;
                int p = 0;
                for (; p + 8 <= kc; p += 8)
                {
                    Transpose8x8(row + p, lda, 6, out var o0, out var o1, out var o2, out var o3, out var o4, out var o5, out var o6, out var o7);
                    float* d = dest + p * mr;
                    StoreSix(d, o0); StoreSix(d + mr, o1); StoreSix(d + 2 * mr, o2); StoreSix(d + 3 * mr, o3);
                    StoreSix(d + 4 * mr, o4); StoreSix(d + 5 * mr, o5); StoreSix(d + 6 * mr, o6); StoreSix(d + 7 * mr, o7);
                }
                for (; p < kc; p++)
                    for (int i = 0; i < mr; i++) dest[p * mr + i] = row[(long)i * lda + p];
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

    /// <summary>Stores lanes 0–5 of <paramref name="v"/> (one k step of a 6-row A panel).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSix(float* d, Vector256<float> v)
    {
        Sse.Store(d, v.GetLower());
        Sse.StoreLow(d + 4, v.GetUpper());
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
            if (transB && valid == nr && nr % 8 == 0 && Avx.IsSupported)
            {
                int p = 0;
                for (; p + 8 <= kc; p += 8)
                    for (int jj = 0; jj < nr; jj += 8)
                        Transpose8x8(b + (long)(j + jj) * ldb + p0 + p, ldb, d0 + p * nr + jj, nr);
                for (; p < kc; p++)
                    for (int jj = 0; jj < nr; jj++) d0[p * nr + jj] = b[(long)(j + jj) * ldb + p0 + p];
            }
            else if (transB)
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
                    if (valid == nr)
                    {
                        Unsafe.CopyBlockUnaligned(d, src, (uint)(nr * sizeof(float)));
                        continue;
                    }
                    new ReadOnlySpan<float>(src, valid).CopyTo(new Span<float>(d, nr));
                    new Span<float>(d + valid, nr - valid).Clear();
                }
            }
        }
    }

    /// <summary>Writes the transpose of the 8×8 block at <paramref name="src"/> (row stride <paramref name="lds"/>)
    /// to <paramref name="dst"/> (row stride <paramref name="ldd"/>).</summary>
    private static void Transpose8x8(float* src, int lds, float* dst, int ldd)
    {
        Transpose8x8(src, lds, 8, out var o0, out var o1, out var o2, out var o3, out var o4, out var o5, out var o6, out var o7);
        Avx.Store(dst, o0);
        Avx.Store(dst + ldd, o1);
        Avx.Store(dst + 2 * ldd, o2);
        Avx.Store(dst + 3 * ldd, o3);
        Avx.Store(dst + 4 * ldd, o4);
        Avx.Store(dst + 5 * ldd, o5);
        Avx.Store(dst + 6 * ldd, o6);
        Avx.Store(dst + 7 * ldd, o7);
    }

    /// <summary>Transposes the first <paramref name="rows"/> (6 or 8) rows of 8 floats at <paramref name="src"/>
    /// (row stride <paramref name="lds"/>; missing rows read as zero) with AVX shuffles: output q holds
    /// element q of every row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int lds, int rows,
        out Vector256<float> o0, out Vector256<float> o1, out Vector256<float> o2, out Vector256<float> o3,
        out Vector256<float> o4, out Vector256<float> o5, out Vector256<float> o6, out Vector256<float> o7)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + lds);
        var r2 = Avx.LoadVector256(src + 2 * lds);
        var r3 = Avx.LoadVector256(src + 3 * lds);
        var r4 = Avx.LoadVector256(src + 4 * lds);
        var r5 = Avx.LoadVector256(src + 5 * lds);
        var r6 = rows > 6 ? Avx.LoadVector256(src + 6 * lds) : Vector256<float>.Zero;
        var r7 = rows > 7 ? Avx.LoadVector256(src + 7 * lds) : Vector256<float>.Zero;
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        o0 = Avx.Permute2x128(u0, u4, 0x20);
        o1 = Avx.Permute2x128(u1, u5, 0x20);
        o2 = Avx.Permute2x128(u2, u6, 0x20);
        o3 = Avx.Permute2x128(u3, u7, 0x20);
        o4 = Avx.Permute2x128(u0, u4, 0x31);
        o5 = Avx.Permute2x128(u1, u5, 0x31);
        o6 = Avx.Permute2x128(u2, u6, 0x31);
        o7 = Avx.Permute2x128(u3, u7, 0x31);
    }
}
