using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>
/// Stride-1 convolution with large kernels through the discrete Fourier transform (convolution theorem), for the
/// ConvLSTM gate convolution. Images of <c>H×W</c> and kernels of <c>k×k</c> are taken to an <c>Ny×Nx</c> spectrum with
/// <c>Ny = H + max(padTop, padBottom)</c> (likewise Nx): every difference between an output and an input position that a
/// kernel tap can produce is then distinct modulo N, so the circular products equal the linear ones exactly (no
/// aliasing) for the forward pass, the input gradient and the weight gradient. Only the half spectrum
/// <c>kx ∈ [0, Nx/2]</c> of the real signals is kept. The transforms are separable DFTs written as small dense sums
/// (N is 17 for a 7×7 "same" kernel on 14×14, not a power of two); the per-frequency products are complex
/// multiply-adds. Channel and image indices are the vector lanes: data are laid out <c>[position][lane]</c> with the
/// lane count a multiple of <see cref="LanePad"/>, spectra <c>[ky][kx][re, im][lane]</c>.
/// </summary>
/// <remarks>
/// With <c>ω = e^(−2πi/N)</c>, <c>X̂(k) = Σ_u X(u) ω^(k·u)</c> and the kernel spectrum
/// <c>Ŵ(k) = Σ_d W(d) ω^(k·(d − pad))</c>: the forward correlation is <c>Ẑ = Σ_c conj(Ŵ) · X̂</c>, the input gradient
/// <c>dX̂ = Σ_g Ŵ · dẐ</c>, and the weight gradient <c>dW(d) = R(d − pad)</c> with <c>R̂ = Σ_b conj(dẐ) · X̂</c>. Every
/// output element is computed by one thread in a fixed order, so results do not depend on the thread count. The
/// kernels use AVX2 + FMA (<see cref="IsSupported"/>); callers keep the im2col/GEMM path elsewhere.
/// </remarks>
internal sealed class SpectralPlan
{
    /// <summary>Lanes per vector; lane counts are padded to a multiple of it.</summary>
    public const int LanePad = 8;

    private static readonly ConcurrentDictionary<(int, int, int, int, int, int, int), SpectralPlan> Plans = new();

    /// <summary>Whether this machine runs the spectral kernels (AVX2 + FMA).</summary>
    public static bool IsSupported => Fma.IsSupported && Avx2.IsSupported;

    /// <summary>Rounds a lane count up to a multiple of <see cref="LanePad"/>.</summary>
    public static int Lanes(int n) => (n + LanePad - 1) / LanePad * LanePad;

    /// <summary>The plan for <paramref name="height"/>×<paramref name="width"/> images and a square kernel with the given
    /// padding (cached per shape).</summary>
    public static SpectralPlan Get(int height, int width, int kernel, int top, int bottom, int left, int right) =>
        Plans.GetOrAdd((height, width, kernel, top, bottom, left, right),
            key => new SpectralPlan(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5, key.Item6, key.Item7));

    private SpectralPlan(int height, int width, int kernel, int top, int bottom, int left, int right)
    {
        Height = height;
        Width = width;
        Kernel = kernel;
        Ny = height + Math.Max(top, bottom);
        Nx = width + Math.Max(left, right);
        Kx = Nx / 2 + 1;
        F = Ny * Kx;
        (ImageCosY, ImageSinY) = Table(Ny, height, 0, Ny);
        (ImageCosX, ImageSinX) = Table(Kx, width, 0, Nx);
        (KernelCosY, KernelSinY) = Table(Ny, kernel, top, Ny);
        (KernelCosX, KernelSinX) = Table(Kx, kernel, left, Nx);
        InverseScale = new float[Kx];
        for (int q = 0; q < Kx; q++)
            InverseScale[q] = (float)((q == 0 || (Nx % 2 == 0 && q == Nx / 2) ? 1.0 : 2.0) / ((double)Ny * Nx));
    }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <summary>Kernel size.</summary>
    public int Kernel { get; }

    /// <summary>Spectrum rows.</summary>
    public int Ny { get; }

    /// <summary>Transform length along x.</summary>
    public int Nx { get; }

    /// <summary>Spectrum columns kept (half spectrum).</summary>
    public int Kx { get; }

    /// <summary>Frequencies kept, <c>Ny·Kx</c>.</summary>
    public int F { get; }

    private float[] ImageCosY { get; }
    private float[] ImageSinY { get; }
    private float[] ImageCosX { get; }
    private float[] ImageSinX { get; }
    private float[] KernelCosY { get; }
    private float[] KernelSinY { get; }
    private float[] KernelCosX { get; }
    private float[] KernelSinX { get; }
    private float[] InverseScale { get; }

    /// <summary>cos and sin of <c>2π·f·(pos − offset)/n</c>, <c>[freqs][positions]</c> (angle reduced exactly in integers).</summary>
    private static (float[] Cos, float[] Sin) Table(int freqs, int positions, int offset, int n)
    {
        var cos = new float[freqs * positions];
        var sin = new float[freqs * positions];
        for (int f = 0; f < freqs; f++)
            for (int p = 0; p < positions; p++)
            {
                long r = ((long)f * (p - offset)) % n;
                if (r < 0) r += n;
                double angle = 2 * Math.PI * r / n;
                cos[f * positions + p] = (float)Math.Cos(angle);
                sin[f * positions + p] = (float)Math.Sin(angle);
            }
        return (cos, sin);
    }

    /// <summary>Floats of a spectrum with <paramref name="lanes"/> lanes.</summary>
    public int SpectrumLength(int lanes) => F * 2 * lanes;

    /// <summary>Floats of the temporary of a transform over <paramref name="rows"/> spatial rows.</summary>
    public int TempLength(int rows, int lanes) => rows * Kx * 2 * lanes;

    /// <summary>Spectrum of images <c>[H][W][lanes]</c> for lanes <c>[l0, l1)</c>.</summary>
    public unsafe void ForwardImage(float[] src, float[] tmp, float[] dst, int lanes, int l0, int l1)
    {
        fixed (float* s = src, t = tmp, d = dst, cx = ImageCosX, sx = ImageSinX, cy = ImageCosY, sy = ImageSinY)
            Forward(s, t, d, lanes, l0, l1, Height, Width, cx, sx, cy, sy);
    }

    /// <summary>Spectrum of kernels <c>[k][k][lanes]</c> (tap d at position <c>d − pad</c>) for lanes <c>[l0, l1)</c>.</summary>
    public unsafe void ForwardKernel(float[] src, float[] tmp, float[] dst, int lanes, int l0, int l1)
    {
        fixed (float* s = src, t = tmp, d = dst, cx = KernelCosX, sx = KernelSinX, cy = KernelCosY, sy = KernelSinY)
            Forward(s, t, d, lanes, l0, l1, Kernel, Kernel, cx, sx, cy, sy);
    }

    /// <summary>Images <c>[H][W][lanes]</c> from a spectrum, lanes <c>[l0, l1)</c>.</summary>
    public unsafe void InverseImage(float[] src, float[] tmp, float[] dst, int lanes, int l0, int l1)
    {
        fixed (float* s = src, t = tmp, d = dst, cx = ImageCosX, sx = ImageSinX, cy = ImageCosY, sy = ImageSinY, w = InverseScale)
            Inverse(s, t, d, lanes, l0, l1, Height, Width, cx, sx, cy, sy, w);
    }

    /// <summary>Kernel taps <c>[k][k][lanes]</c> (positions <c>d − pad</c>) from a spectrum, lanes <c>[l0, l1)</c>.</summary>
    public unsafe void InverseKernel(float* src, float* tmp, float* dst, int lanes, int l0, int l1)
    {
        fixed (float* cx = KernelCosX, sx = KernelSinX, cy = KernelCosY, sy = KernelSinY, w = InverseScale)
            Inverse(src, tmp, dst, lanes, l0, l1, Kernel, Kernel, cx, sx, cy, sy, w);
    }

    /// <summary>Separable forward DFT: along x (real → half spectrum), then along y (complex).</summary>
    private unsafe void Forward(float* src, float* tmp, float* dst, int lanes, int l0, int l1, int rows, int cols,
        float* cx, float* sx, float* cy, float* sy)
    {
        int kx = Kx;
        for (int u = 0; u < rows; u++)
            for (int q = 0; q < kx; q++)
            {
                float* c = cx + q * cols, s = sx + q * cols;
                float* re = tmp + (u * kx + q) * 2 * lanes, im = re + lanes;
                float* row = src + u * cols * lanes;
                for (int l = l0; l < l1; l += LanePad)
                {
                    Vector256<float> ar = Vector256<float>.Zero, ai = Vector256<float>.Zero;
                    float* x = row + l;
                    for (int v = 0; v < cols; v++)
                    {
                        var xv = Avx.LoadVector256(x + v * lanes);
                        ar = Fma.MultiplyAdd(xv, Vector256.Create(c[v]), ar);
                        ai = Fma.MultiplyAddNegated(xv, Vector256.Create(s[v]), ai);
                    }
                    Avx.Store(re + l, ar);
                    Avx.Store(im + l, ai);
                }
            }

        for (int ky = 0; ky < Ny; ky++)
            for (int q = 0; q < kx; q++)
            {
                float* c = cy + ky * rows, s = sy + ky * rows;
                float* re = dst + (ky * kx + q) * 2 * lanes, im = re + lanes;
                for (int l = l0; l < l1; l += LanePad)
                {
                    Vector256<float> ar = Vector256<float>.Zero, ai = Vector256<float>.Zero;
                    float* t = tmp + q * 2 * lanes + l;
                    int step = kx * 2 * lanes;
                    for (int u = 0; u < rows; u++, t += step)
                    {
                        var a = Avx.LoadVector256(t);
                        var b = Avx.LoadVector256(t + lanes);
                        var cu = Vector256.Create(c[u]);
                        var su = Vector256.Create(s[u]);
                        // (a + ib)(cos − i sin)
                        ar = Fma.MultiplyAdd(a, cu, ar);
                        ar = Fma.MultiplyAdd(b, su, ar);
                        ai = Fma.MultiplyAdd(b, cu, ai);
                        ai = Fma.MultiplyAddNegated(a, su, ai);
                    }
                    Avx.Store(re + l, ar);
                    Avx.Store(im + l, ai);
                }
            }
    }

    /// <summary>Separable inverse DFT: along y (complex) for the wanted rows, then along x (half spectrum → real).</summary>
    private unsafe void Inverse(float* src, float* tmp, float* dst, int lanes, int l0, int l1, int rows, int cols,
        float* cx, float* sx, float* cy, float* sy, float* scale)
    {
        int kx = Kx, ny = Ny;
        for (int y = 0; y < rows; y++)
            for (int q = 0; q < kx; q++)
            {
                float* re = tmp + (y * kx + q) * 2 * lanes, im = re + lanes;
                for (int l = l0; l < l1; l += LanePad)
                {
                    Vector256<float> ar = Vector256<float>.Zero, ai = Vector256<float>.Zero;
                    float* t = src + q * 2 * lanes + l;
                    int step = kx * 2 * lanes;
                    for (int ky = 0; ky < ny; ky++, t += step)
                    {
                        var a = Avx.LoadVector256(t);
                        var b = Avx.LoadVector256(t + lanes);
                        var cu = Vector256.Create(cy[ky * rows + y]);
                        var su = Vector256.Create(sy[ky * rows + y]);
                        // (a + ib)(cos + i sin)
                        ar = Fma.MultiplyAdd(a, cu, ar);
                        ar = Fma.MultiplyAddNegated(b, su, ar);
                        ai = Fma.MultiplyAdd(a, su, ai);
                        ai = Fma.MultiplyAdd(b, cu, ai);
                    }
                    Avx.Store(re + l, ar);
                    Avx.Store(im + l, ai);
                }
            }

        for (int y = 0; y < rows; y++)
            for (int x = 0; x < cols; x++)
            {
                float* o = dst + (y * cols + x) * lanes;
                for (int l = l0; l < l1; l += LanePad)
                {
                    Vector256<float> acc = Vector256<float>.Zero;
                    float* t = tmp + y * kx * 2 * lanes + l;
                    for (int q = 0; q < kx; q++, t += 2 * lanes)
                    {
                        float w = scale[q];
                        acc = Fma.MultiplyAdd(Avx.LoadVector256(t), Vector256.Create(w * cx[q * cols + x]), acc);
                        acc = Fma.MultiplyAddNegated(Avx.LoadVector256(t + lanes), Vector256.Create(w * sx[q * cols + x]), acc);
                    }
                    Avx.Store(o + l, acc);
                }
            }
    }

    /// <summary>
    /// Forward products at frequency <paramref name="f"/>: <c>Z[b][g] = Σ_{c &lt; cUsed} conj(W[c][g]) · X[b][c]</c>.
    /// <paramref name="wcg"/> is the kernel spectrum laid out <c>[f][re, im][c][gLanes]</c>, <paramref name="xs"/>
    /// <c>[f][re, im][b][cLanes]</c>, <paramref name="zs"/> <c>[f][re, im][b][gLanes]</c>.
    /// </summary>
    public static unsafe void MultiplyForward(int f, float* wcg, int cTotal, int gLanes, float* xs, int batch, int cLanes,
        int cUsed, float* zs)
    {
        float* wr0 = wcg + (long)f * 2 * cTotal * gLanes, wi0 = wr0 + cTotal * gLanes;
        float* xr0 = xs + (long)f * 2 * batch * cLanes, xi0 = xr0 + batch * cLanes;
        float* zr0 = zs + (long)f * 2 * batch * gLanes, zi0 = zr0 + batch * gLanes;
        for (int gv = 0; gv < gLanes; gv += LanePad)
            for (int b0 = 0; b0 < batch; b0 += 4)
            {
                int b1 = Math.Min(b0 + 1, batch - 1), b2 = Math.Min(b0 + 2, batch - 1), b3 = Math.Min(b0 + 3, batch - 1);
                Vector256<float> r0 = default, i0 = default, r1 = default, i1 = default,
                    r2 = default, i2 = default, r3 = default, i3 = default;
                float* xr_0 = xr0 + b0 * cLanes, xi_0 = xi0 + b0 * cLanes, xr_1 = xr0 + b1 * cLanes, xi_1 = xi0 + b1 * cLanes;
                float* xr_2 = xr0 + b2 * cLanes, xi_2 = xi0 + b2 * cLanes, xr_3 = xr0 + b3 * cLanes, xi_3 = xi0 + b3 * cLanes;
                for (int c = 0; c < cUsed; c++)
                {
                    var wr = Avx.LoadVector256(wr0 + c * gLanes + gv);
                    var wi = Avx.LoadVector256(wi0 + c * gLanes + gv);
                    // conj(w)·x = (wr·xr + wi·xi) + i(wr·xi − wi·xr)
                    Cmac(wr, wi, xr_0[c], xi_0[c], ref r0, ref i0);
                    Cmac(wr, wi, xr_1[c], xi_1[c], ref r1, ref i1);
                    Cmac(wr, wi, xr_2[c], xi_2[c], ref r2, ref i2);
                    Cmac(wr, wi, xr_3[c], xi_3[c], ref r3, ref i3);
                }
                Avx.Store(zr0 + b0 * gLanes + gv, r0);
                Avx.Store(zi0 + b0 * gLanes + gv, i0);
                if (b0 + 1 < batch) { Avx.Store(zr0 + b1 * gLanes + gv, r1); Avx.Store(zi0 + b1 * gLanes + gv, i1); }
                if (b0 + 2 < batch) { Avx.Store(zr0 + b2 * gLanes + gv, r2); Avx.Store(zi0 + b2 * gLanes + gv, i2); }
                if (b0 + 3 < batch) { Avx.Store(zr0 + b3 * gLanes + gv, r3); Avx.Store(zi0 + b3 * gLanes + gv, i3); }
            }
    }

    /// <summary>re += wr·xr + wi·xi; im += wr·xi − wi·xr (conj(w)·x with scalar x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Cmac(Vector256<float> wr, Vector256<float> wi, float xr, float xi, ref Vector256<float> re, ref Vector256<float> im)
    {
        var vr = Vector256.Create(xr);
        var vi = Vector256.Create(xi);
        re = Fma.MultiplyAdd(wr, vr, re);
        re = Fma.MultiplyAdd(wi, vi, re);
        im = Fma.MultiplyAdd(wr, vi, im);
        im = Fma.MultiplyAddNegated(wi, vr, im);
    }

    /// <summary>
    /// Input-gradient products at frequency <paramref name="f"/> for the lane vectors of channels
    /// <c>[cFrom, cTo)</c>: <c>dX[b][c] = Σ_g W[g][c] · dZ[b][g]</c>. <paramref name="wgc"/> is laid out
    /// <c>[f][re, im][g][cLanes]</c>, <paramref name="dz"/> <c>[f][re, im][b][gLanes]</c>, <paramref name="dx"/>
    /// <c>[f][re, im][b][cLanes]</c>.
    /// </summary>
    public static unsafe void MultiplyInputGradient(int f, float* wgc, int gates, int cLanes, float* dz, int batch, int gLanes,
        int cFrom, int cTo, float* dx)
    {
        float* wr0 = wgc + (long)f * 2 * gates * cLanes, wi0 = wr0 + gates * cLanes;
        float* zr0 = dz + (long)f * 2 * batch * gLanes, zi0 = zr0 + batch * gLanes;
        float* xr0 = dx + (long)f * 2 * batch * cLanes, xi0 = xr0 + batch * cLanes;
        for (int cv = cFrom / LanePad * LanePad; cv < cTo; cv += LanePad)
            for (int b0 = 0; b0 < batch; b0 += 4)
            {
                int b1 = Math.Min(b0 + 1, batch - 1), b2 = Math.Min(b0 + 2, batch - 1), b3 = Math.Min(b0 + 3, batch - 1);
                Vector256<float> r0 = default, i0 = default, r1 = default, i1 = default,
                    r2 = default, i2 = default, r3 = default, i3 = default;
                float* zr_0 = zr0 + b0 * gLanes, zi_0 = zi0 + b0 * gLanes, zr_1 = zr0 + b1 * gLanes, zi_1 = zi0 + b1 * gLanes;
                float* zr_2 = zr0 + b2 * gLanes, zi_2 = zi0 + b2 * gLanes, zr_3 = zr0 + b3 * gLanes, zi_3 = zi0 + b3 * gLanes;
                for (int g = 0; g < gates; g++)
                {
                    var wr = Avx.LoadVector256(wr0 + g * cLanes + cv);
                    var wi = Avx.LoadVector256(wi0 + g * cLanes + cv);
                    // w·z = (wr·zr − wi·zi) + i(wr·zi + wi·zr)
                    Mac(wr, wi, zr_0[g], zi_0[g], ref r0, ref i0);
                    Mac(wr, wi, zr_1[g], zi_1[g], ref r1, ref i1);
                    Mac(wr, wi, zr_2[g], zi_2[g], ref r2, ref i2);
                    Mac(wr, wi, zr_3[g], zi_3[g], ref r3, ref i3);
                }
                Avx.Store(xr0 + b0 * cLanes + cv, r0);
                Avx.Store(xi0 + b0 * cLanes + cv, i0);
                if (b0 + 1 < batch) { Avx.Store(xr0 + b1 * cLanes + cv, r1); Avx.Store(xi0 + b1 * cLanes + cv, i1); }
                if (b0 + 2 < batch) { Avx.Store(xr0 + b2 * cLanes + cv, r2); Avx.Store(xi0 + b2 * cLanes + cv, i2); }
                if (b0 + 3 < batch) { Avx.Store(xr0 + b3 * cLanes + cv, r3); Avx.Store(xi0 + b3 * cLanes + cv, i3); }
            }
    }

    /// <summary>re += wr·zr − wi·zi; im += wr·zi + wi·zr (w·z with scalar z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mac(Vector256<float> wr, Vector256<float> wi, float zr, float zi, ref Vector256<float> re, ref Vector256<float> im)
    {
        var vr = Vector256.Create(zr);
        var vi = Vector256.Create(zi);
        re = Fma.MultiplyAdd(wr, vr, re);
        re = Fma.MultiplyAddNegated(wi, vi, re);
        im = Fma.MultiplyAdd(wr, vi, im);
        im = Fma.MultiplyAdd(wi, vr, im);
    }

    /// <summary>
    /// Weight-gradient products for all frequencies of one tile (gates <c>[g0, g0 + 4)</c> clamped to
    /// <paramref name="gates"/>, channel lanes <c>[cv, cv + 8)</c>): <c>R[f][g][c] = Σ_b conj(dZ[b][g]) · X[b][c]</c>,
    /// written to <paramref name="tile"/> laid out <c>[f][re, im][4 gates][8 lanes]</c> (32 lanes).
    /// </summary>
    public static unsafe void MultiplyWeightGradientTile(int fCount, float* dz, int batch, int gLanes, int gates, int g0,
        float* xs, int cLanes, int cv, float* tile)
    {
        int g1 = Math.Min(g0 + 1, gates - 1), g2 = Math.Min(g0 + 2, gates - 1), g3 = Math.Min(g0 + 3, gates - 1);
        for (int f = 0; f < fCount; f++)
        {
            float* zr0 = dz + (long)f * 2 * batch * gLanes, zi0 = zr0 + batch * gLanes;
            float* xr0 = xs + (long)f * 2 * batch * cLanes + cv, xi0 = xr0 + batch * cLanes;
            Vector256<float> r0 = default, i0 = default, r1 = default, i1 = default,
                r2 = default, i2 = default, r3 = default, i3 = default;
            for (int b = 0; b < batch; b++)
            {
                var xr = Avx.LoadVector256(xr0 + b * cLanes);
                var xi = Avx.LoadVector256(xi0 + b * cLanes);
                float* zr = zr0 + b * gLanes, zi = zi0 + b * gLanes;
                // conj(z)·x = x·conj(z): Mac with the scalar (zr, −zi).
                Mac(xr, xi, zr[g0], -zi[g0], ref r0, ref i0);
                Mac(xr, xi, zr[g1], -zi[g1], ref r1, ref i1);
                Mac(xr, xi, zr[g2], -zi[g2], ref r2, ref i2);
                Mac(xr, xi, zr[g3], -zi[g3], ref r3, ref i3);
            }
            float* o = tile + f * 64;
            Avx.Store(o, r0);
            Avx.Store(o + 8, r1);
            Avx.Store(o + 16, r2);
            Avx.Store(o + 24, r3);
            Avx.Store(o + 32, i0);
            Avx.Store(o + 40, i1);
            Avx.Store(o + 48, i2);
            Avx.Store(o + 56, i3);
        }
    }
}
