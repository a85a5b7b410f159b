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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void Forward(float* src, float* tmp, float* dst, int lanes, int l0, int l1, int rows, int cols,
        float* cx, float* sx, float* cy, float* sy)
    {
        int kx = Kx;
        for (int u = 0; u < rows; u++)
            for (int q = 0; q < kx; q++)
                RealToComplex(src + u * cols * lanes, lanes, cols, cx + q * cols, sx + q * cols, tmp + (u * kx + q) * 2 * lanes, lanes, l0, l1);
        for (int ky = 0; ky < Ny; ky++)
            for (int q = 0; q < kx; q++)
                ComplexSum(tmp + q * 2 * lanes, kx * 2 * lanes, lanes, rows, cy + ky * rows, sy + ky * rows, 1, 1f,
                    dst + (ky * kx + q) * 2 * lanes, l0, l1);
    }

    /// <summary>Separable inverse DFT: along y (complex) for the wanted rows, then along x (half spectrum → real).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void Inverse(float* src, float* tmp, float* dst, int lanes, int l0, int l1, int rows, int cols,
        float* cx, float* sx, float* cy, float* sy, float* scale)
    {
        int kx = Kx;
        for (int y = 0; y < rows; y++)
            for (int q = 0; q < kx; q++)
                ComplexSum(src + q * 2 * lanes, kx * 2 * lanes, lanes, Ny, cy + y, sy + y, rows, -1f,
                    tmp + (y * kx + q) * 2 * lanes, l0, l1);
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < cols; x++)
                ComplexToReal(tmp + y * kx * 2 * lanes, lanes, kx, cx + x, sx + x, cols, scale, dst + (y * cols + x) * lanes, l0, l1);
    }

    /// <summary><c>out = Σ_v x_v · (cos_v − i·sin_v)</c> over <paramref name="count"/> rows <c>x_v = src + v·stride</c>;
    /// writes re at <paramref name="output"/>, im at <c>output + imOffset</c>. Four lane vectors at a time (eight
    /// independent accumulator chains hide the FMA latency).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RealToComplex(float* src, int stride, int count, float* cos, float* sin, float* output,
        int imOffset, int l0, int l1)
    {
        int l = l0;
        for (; l + 4 * LanePad <= l1; l += 4 * LanePad)
        {
            Vector256<float> r0 = default, r1 = default, r2 = default, r3 = default, i0 = default, i1 = default, i2 = default, i3 = default;
            float* x = src + l;
            for (int v = 0; v < count; v++, x += stride)
            {
                var c = Vector256.Create(cos[v]);
                var s = Vector256.Create(sin[v]);
                var x0 = Avx.LoadVector256(x);
                var x1 = Avx.LoadVector256(x + 8);
                var x2 = Avx.LoadVector256(x + 16);
                var x3 = Avx.LoadVector256(x + 24);
                r0 = Fma.MultiplyAdd(x0, c, r0);
                i0 = Fma.MultiplyAddNegated(x0, s, i0);
                r1 = Fma.MultiplyAdd(x1, c, r1);
                i1 = Fma.MultiplyAddNegated(x1, s, i1);
                r2 = Fma.MultiplyAdd(x2, c, r2);
                i2 = Fma.MultiplyAddNegated(x2, s, i2);
                r3 = Fma.MultiplyAdd(x3, c, r3);
                i3 = Fma.MultiplyAddNegated(x3, s, i3);
            }
            float* o = output + l;
            Avx.Store(o, r0);
            Avx.Store(o + 8, r1);
            Avx.Store(o + 16, r2);
            Avx.Store(o + 24, r3);
            Avx.Store(o + imOffset, i0);
            Avx.Store(o + imOffset + 8, i1);
            Avx.Store(o + imOffset + 16, i2);
            Avx.Store(o + imOffset + 24, i3);
        }
        for (; l < l1; l += LanePad)
        {
            Vector256<float> r = default, i = default;
            float* x = src + l;
            for (int v = 0; v < count; v++, x += stride)
            {
                var xv = Avx.LoadVector256(x);
                r = Fma.MultiplyAdd(xv, Vector256.Create(cos[v]), r);
                i = Fma.MultiplyAddNegated(xv, Vector256.Create(sin[v]), i);
            }
            Avx.Store(output + l, r);
            Avx.Store(output + imOffset + l, i);
        }
    }

    /// <summary><c>out = Σ_i (a_i + i·b_i) · (cos_i − i·sign·sin_i)</c>, with <c>a_i = src + i·stride</c>,
    /// <c>b_i = a_i + lanes</c> and the coefficients read at <c>i·coefStride</c>; writes re at <paramref name="output"/>
    /// and im at <c>output + lanes</c>. Four lane vectors at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ComplexSum(float* src, int stride, int lanes, int count, float* cos, float* sin, int coefStride,
        float sign, float* output, int l0, int l1)
    {
        int l = l0;
        for (; l + 4 * LanePad <= l1; l += 4 * LanePad)
        {
            Vector256<float> r0 = default, r1 = default, r2 = default, r3 = default, i0 = default, i1 = default, i2 = default, i3 = default;
            float* t = src + l;
            for (int k = 0; k < count; k++, t += stride)
            {
                var c = Vector256.Create(cos[k * coefStride]);
                var s = Vector256.Create(sign * sin[k * coefStride]);
                // (a + ib)(c − is) = (ac + bs) + i(bc − as)
                var a = Avx.LoadVector256(t);
                var b = Avx.LoadVector256(t + lanes);
                r0 = Fma.MultiplyAdd(b, s, Fma.MultiplyAdd(a, c, r0));
                i0 = Fma.MultiplyAddNegated(a, s, Fma.MultiplyAdd(b, c, i0));
                a = Avx.LoadVector256(t + 8);
                b = Avx.LoadVector256(t + lanes + 8);
                r1 = Fma.MultiplyAdd(b, s, Fma.MultiplyAdd(a, c, r1));
                i1 = Fma.MultiplyAddNegated(a, s, Fma.MultiplyAdd(b, c, i1));
                a = Avx.LoadVector256(t + 16);
                b = Avx.LoadVector256(t + lanes + 16);
                r2 = Fma.MultiplyAdd(b, s, Fma.MultiplyAdd(a, c, r2));
                i2 = Fma.MultiplyAddNegated(a, s, Fma.MultiplyAdd(b, c, i2));
                a = Avx.LoadVector256(t + 24);
                b = Avx.LoadVector256(t + lanes + 24);
                r3 = Fma.MultiplyAdd(b, s, Fma.MultiplyAdd(a, c, r3));
                i3 = Fma.MultiplyAddNegated(a, s, Fma.MultiplyAdd(b, c, i3));
            }
            float* o = output + l;
            Avx.Store(o, r0);
            Avx.Store(o + 8, r1);
            Avx.Store(o + 16, r2);
            Avx.Store(o + 24, r3);
            Avx.Store(o + lanes, i0);
            Avx.Store(o + lanes + 8, i1);
            Avx.Store(o + lanes + 16, i2);
            Avx.Store(o + lanes + 24, i3);
        }
        for (; l < l1; l += LanePad)
        {
            Vector256<float> r = default, i = default, r2 = default, i2 = default;
            float* t = src + l;
            for (int k = 0; k < count; k++, t += stride)
            {
                var c = Vector256.Create(cos[k * coefStride]);
                var s = Vector256.Create(sign * sin[k * coefStride]);
                var a = Avx.LoadVector256(t);
                var b = Avx.LoadVector256(t + lanes);
                r = Fma.MultiplyAdd(a, c, r);
                r2 = Fma.MultiplyAdd(b, s, r2);
                i = Fma.MultiplyAdd(b, c, i);
                i2 = Fma.MultiplyAddNegated(a, s, i2);
            }
            Avx.Store(output + l, Avx.Add(r, r2));
            Avx.Store(output + lanes + l, Avx.Add(i, i2));
        }
    }

    /// <summary><c>out = Σ_q w_q · (re_q · cos_q − im_q · sin_q)</c> over the half spectrum of one row
    /// (<c>re_q = src + 2q·lanes</c>, <c>im_q = re_q + lanes</c>, coefficients at <c>q·coefStride</c>). Four lane vectors
    /// at a time, the cos and sin terms in separate accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ComplexToReal(float* src, int lanes, int count, float* cos, float* sin, int coefStride,
        float* scale, float* output, int l0, int l1)
    {
        int l = l0;
        for (; l + 4 * LanePad <= l1; l += 4 * LanePad)
        {
            Vector256<float> r0 = default, r1 = default, r2 = default, r3 = default, i0 = default, i1 = default, i2 = default, i3 = default;
            float* t = src + l;
            for (int q = 0; q < count; q++, t += 2 * lanes)
            {
                var c = Vector256.Create(scale[q] * cos[q * coefStride]);
                var s = Vector256.Create(scale[q] * sin[q * coefStride]);
                r0 = Fma.MultiplyAdd(Avx.LoadVector256(t), c, r0);
                i0 = Fma.MultiplyAdd(Avx.LoadVector256(t + lanes), s, i0);
                r1 = Fma.MultiplyAdd(Avx.LoadVector256(t + 8), c, r1);
                i1 = Fma.MultiplyAdd(Avx.LoadVector256(t + lanes + 8), s, i1);
                r2 = Fma.MultiplyAdd(Avx.LoadVector256(t + 16), c, r2);
                i2 = Fma.MultiplyAdd(Avx.LoadVector256(t + lanes + 16), s, i2);
                r3 = Fma.MultiplyAdd(Avx.LoadVector256(t + 24), c, r3);
                i3 = Fma.MultiplyAdd(Avx.LoadVector256(t + lanes + 24), s, i3);
            }
            float* o = output + l;
            Avx.Store(o, Avx.Subtract(r0, i0));
            Avx.Store(o + 8, Avx.Subtract(r1, i1));
            Avx.Store(o + 16, Avx.Subtract(r2, i2));
            Avx.Store(o + 24, Avx.Subtract(r3, i3));
        }
        for (; l < l1; l += LanePad)
        {
            Vector256<float> r = default, i = default;
            float* t = src + l;
            for (int q = 0; q < count; q++, t += 2 * lanes)
            {
                r = Fma.MultiplyAdd(Avx.LoadVector256(t), Vector256.Create(scale[q] * cos[q * coefStride]), r);
                i = Fma.MultiplyAdd(Avx.LoadVector256(t + lanes), Vector256.Create(scale[q] * sin[q * coefStride]), i);
            }
            Avx.Store(output + l, Avx.Subtract(r, i));
        }
    }

    /// <summary>
    /// Forward products at frequency <paramref name="f"/>: <c>Z[b][g] = Σ_{c &lt; cUsed} conj(W[c][g]) · X[b][c]</c>.
    /// <paramref name="wcg"/> is the kernel spectrum laid out <c>[f][gLanes / 8][c][re 8, im 8]</c>, <paramref name="xs"/>
    /// <c>[f][re, im][b][cLanes]</c>, <paramref name="zs"/> <c>[f][re, im][b][gLanes]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MultiplyForward(int f, float* wcg, int cTotal, int gLanes, float* xs, int batch, int cLanes,
        int cUsed, float* zs)
    {
        int gBlocks = gLanes / LanePad;
        float* xr0 = xs + (long)f * 2 * batch * cLanes, xi0 = xr0 + batch * cLanes;
        float* zr0 = zs + (long)f * 2 * batch * gLanes, zi0 = zr0 + batch * gLanes;
        for (int gv = 0; gv < gLanes; gv += LanePad)
            for (int b0 = 0; b0 < batch; b0 += 4)
            {
                float* w = wcg + ((long)f * gBlocks + gv / LanePad) * cTotal * 2 * LanePad;
                int b1 = Math.Min(b0 + 1, batch - 1), b2 = Math.Min(b0 + 2, batch - 1), b3 = Math.Min(b0 + 3, batch - 1);
                Vector256<float> r0 = default, i0 = default, r1 = default, i1 = default,
                    r2 = default, i2 = default, r3 = default, i3 = default;
                float* xr_0 = xr0 + b0 * cLanes, xi_0 = xi0 + b0 * cLanes, xr_1 = xr0 + b1 * cLanes, xi_1 = xi0 + b1 * cLanes;
                float* xr_2 = xr0 + b2 * cLanes, xi_2 = xi0 + b2 * cLanes, xr_3 = xr0 + b3 * cLanes, xi_3 = xi0 + b3 * cLanes;
                for (int c = 0; c < cUsed; c++)
                {
                    var wr = Avx.LoadVector256(w + c * 2 * LanePad);
                    var wi = Avx.LoadVector256(w + c * 2 * LanePad + LanePad);
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
    /// <c>[f][cLanes / 8][g][re 8, im 8]</c>, <paramref name="dz"/> the conjugate <c>conj(dZ)</c> <c>[f][re, im][b][gLanes]</c>, <paramref name="dx"/>
    /// <c>[f][re, im][b][cLanes]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MultiplyInputGradient(int f, float* wgc, int gates, int cLanes, float* dz, int batch, int gLanes,
        int cFrom, int cTo, float* dx)
    {
        int cBlocks = cLanes / LanePad;
        float* zr0 = dz + (long)f * 2 * batch * gLanes, zi0 = zr0 + batch * gLanes;
        float* xr0 = dx + (long)f * 2 * batch * cLanes, xi0 = xr0 + batch * cLanes;
        for (int cv = cFrom / LanePad * LanePad; cv < cTo; cv += LanePad)
            for (int b0 = 0; b0 < batch; b0 += 4)
            {
                float* w = wgc + ((long)f * cBlocks + cv / LanePad) * gates * 2 * LanePad;
                int b1 = Math.Min(b0 + 1, batch - 1), b2 = Math.Min(b0 + 2, batch - 1), b3 = Math.Min(b0 + 3, batch - 1);
                Vector256<float> r0 = default, i0 = default, r1 = default, i1 = default,
                    r2 = default, i2 = default, r3 = default, i3 = default;
                float* zr_0 = zr0 + b0 * gLanes, zi_0 = zi0 + b0 * gLanes, zr_1 = zr0 + b1 * gLanes, zi_1 = zi0 + b1 * gLanes;
                float* zr_2 = zr0 + b2 * gLanes, zi_2 = zi0 + b2 * gLanes, zr_3 = zr0 + b3 * gLanes, zi_3 = zi0 + b3 * gLanes;
                for (int g = 0; g < gates; g++)
                {
                    var wr = Avx.LoadVector256(w + g * 2 * LanePad);
                    var wi = Avx.LoadVector256(w + g * 2 * LanePad + LanePad);
                    // w·z with z = conj(stored): (wr·zr + wi·zc) + i(wi·zr − wr·zc), zc = −zi as stored
                    Cmac(wi, wr, zi_0[g], zr_0[g], ref r0, ref i0);
                    Cmac(wi, wr, zi_1[g], zr_1[g], ref r1, ref i1);
                    Cmac(wi, wr, zi_2[g], zr_2[g], ref r2, ref i2);
                    Cmac(wi, wr, zi_3[g], zr_3[g], ref r3, ref i3);
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
    /// Weight-gradient products for all frequencies of one tile of 4 gates × 8 channel lanes:
    /// <c>R[f][g][c] = Σ_b conj(dZ[b][g]) · X[b][c]</c>, written to <paramref name="tile"/> laid out
    /// <c>[f][re, im][4 gates][8 lanes]</c> (32 lanes). Both operands come in tile-blocked layouts so each tile streams
    /// contiguous memory: <paramref name="dz"/> holds <c>conj(dZ)</c> of the tile's gates as <c>[f][re, im][b][4]</c>,
    /// <paramref name="xs"/> the tile's channel lanes as <c>[f][re, im][b][8]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MultiplyWeightGradientTile(int fCount, float* dz, float* xs, int batch, float* tile)
    {
        for (int f = 0; f < fCount; f++, dz += 8 * batch, xs += 16 * batch)
        {
            Vector256<float> r0 = default, i0 = default, r1 = default, i1 = default,
                r2 = default, i2 = default, r3 = default, i3 = default;
            for (int b = 0; b < batch; b++)
            {
                var xr = Avx.LoadVector256(xs + b * 8);
                var xi = Avx.LoadVector256(xs + (batch + b) * 8);
                float* zr = dz + b * 4, zi = dz + (batch + b) * 4;
                // conj(z)·x = x·(zr + i·zc) with zc = −zi as stored
                Mac(xr, xi, zr[0], zi[0], ref r0, ref i0);
                Mac(xr, xi, zr[1], zi[1], ref r1, ref i1);
                Mac(xr, xi, zr[2], zi[2], ref r2, ref i2);
                Mac(xr, xi, zr[3], zi[3], ref r3, ref i3);
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
