using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// One <see cref="ConvLSTMCell"/> step as a single autograd op: the gate convolution over <c>[X_t, H_{t−1}]</c> is one
/// GEMM <c>W[4·hidden, K] · columns[K, B·P]</c> whose column matrix is built from X and H directly (no concatenated
/// tensor), the gate pre-activations stay in that GEMM layout (no scatter into NCHW), and the gate nonlinearities,
/// peepholes and state update run in one pass over P-long spans. Backward writes dZ in the same layout, so
/// <c>dW = dZ · columnsᵀ</c> and <c>dColumns = Wᵀ · dZ</c> need no gather, and only the column rows of inputs that need a
/// gradient are formed (the first layer's X usually needs none). A zero initial state skips the H rows. Images are
/// processed in chunks of a fixed size that depends only on the shapes, so results do not depend on the thread count.
/// </summary>
internal static class ConvLstmStep
{
    /// <summary>Cap on the floats of one chunk's column matrix.</summary>
    private const long MaxChunkFloats = 8L << 20;

    /// <summary>Runs the step. <paramref name="h"/> and <paramref name="c"/> null mean a zero state.</summary>
    /// <param name="x">X_t <c>[B, Cx, height, width]</c>.</param>
    /// <param name="h">H_{t−1} <c>[B, hidden, height, width]</c> or null.</param>
    /// <param name="c">C_{t−1} <c>[B, hidden, height, width]</c> or null.</param>
    /// <param name="weight">Gate convolution weight <c>[4·hidden, Cx + hidden, k, k]</c>.</param>
    /// <param name="bias">Gate bias <c>[4·hidden]</c> or null.</param>
    /// <param name="peepholes">W_ci, W_cf, W_co, each <c>[hidden, height, width]</c>.</param>
    /// <param name="maxChunkFloats">Cap on one chunk's column matrix (tests lower it to exercise chunking).</param>
    /// <param name="spectral">Run the gate convolution through the DFT (<see cref="ConvLstmSpectral"/>) instead of
    /// im2col + GEMM; null chooses by kernel size and instruction set (tests force either path).</param>
    /// <returns>(H_t, C_t).</returns>
    public static (Tensor H, Tensor C) Forward(Tensor x, Tensor? h, Tensor? c, Tensor weight, Tensor? bias,
        (Tensor Ci, Tensor Cf, Tensor Co) peepholes, long maxChunkFloats = MaxChunkFloats, bool? spectral = null)
    {
        var s = new Shape(x, weight, maxChunkFloats);
        var z = ArrayPool<float>.Shared.Rent(s.Gates * s.Ld);   // the activated gates, kept for backward, pooled
        var xd = x.Data;
        var hd = h?.Data;
        ConvLstmSpectral? spectralStep = null;
        if (spectral ?? ConvLstmSpectral.Prefer(s.GeoX.KernelHeight))
        {
            if (!SpectralPlan.IsSupported)
                throw new PlatformNotSupportedException("ConvLSTMCell: the spectral gate convolution needs AVX2 and FMA.");
            var g = s.GeoX;
            spectralStep = ConvLstmSpectral.Forward(xd, hd, weight, s.B, g.Channels, s.Hidden, g.Height, g.Width,
                g.KernelHeight, g.PadTop, g.PadBottom, z);
        }
        else
        {
            int kUsed = hd is null ? s.Kx : s.K;
            var cols = ArrayPool<float>.Shared.Rent(kUsed * s.Chunk * s.P);
            for (int b0 = 0; b0 < s.B; b0 += s.Chunk)
            {
                int count = Math.Min(s.Chunk, s.B - b0), width = count * s.P;
                FillColumns(s, xd, hd, b0, count, cols);
                Gemm.Sgemm(false, false, s.Gates, width, kUsed, 1f, weight.Data, s.K, cols, width, 0f, z.AsSpan(b0 * s.P), s.Ld);
            }
            ArrayPool<float>.Shared.Return(cols);
        }
        if (bias is not null)
        {
            var bd = bias.Data;
            for (int r = 0; r < s.Gates; r++) TensorPrimitives.Add(z.AsSpan(r * s.Ld, s.Ld), bd[r], z.AsSpan(r * s.Ld, s.Ld));
        }

        var cd = c?.Data;
        var hNext = new float[s.B * s.Hidden * s.P];
        var tanhC = ArrayPool<float>.Shared.Rent(hNext.Length);   // tanh(C_t), kept for backward, pooled
        var cNext = new float[hNext.Length];
        var (wci, wcf, wco) = (peepholes.Ci.Data, peepholes.Cf.Data, peepholes.Co.Data);
        Parallelism.For(s.Hidden, 16L * s.B * s.P, j =>
        {
            for (int b = 0; b < s.B; b++)
            {
                Span<float> zi = s.Gate(z, 0, j, b), zf = s.Gate(z, 1, j, b), zg = s.Gate(z, 2, j, b), zo = s.Gate(z, 3, j, b);
                var cn = cNext.AsSpan(s.State(b, j), s.P);
                var hn = hNext.AsSpan(s.State(b, j), s.P);
                if (cd is not null)
                {
                    var cp = cd.AsSpan(s.State(b, j), s.P);
                    TensorPrimitives.MultiplyAdd(wci.AsSpan(j * s.P, s.P), cp, zi, zi);             // (6)
                    TensorPrimitives.MultiplyAdd(wcf.AsSpan(j * s.P, s.P), cp, zf, zf);             // (7)
                }
                TensorPrimitives.Sigmoid(zi, zi);
                TensorPrimitives.Sigmoid(zf, zf);
                TensorPrimitives.Tanh(zg, zg);
                TensorPrimitives.Multiply(zi, zg, cn);                                              // (8)
                if (cd is not null) TensorPrimitives.MultiplyAdd(zf, cd.AsSpan(s.State(b, j), s.P), cn, cn);
                TensorPrimitives.MultiplyAdd(wco.AsSpan(j * s.P, s.P), cn, zo, zo);                 // (9)
                TensorPrimitives.Sigmoid(zo, zo);
                var tc = tanhC.AsSpan(s.State(b, j), s.P);
                TensorPrimitives.Tanh(cn, tc);                                                      // (10)
                TensorPrimitives.Multiply(zo, tc, hn);
            }
        });

        long[] stateShape = [s.B, s.Hidden, x.Dims[2], x.Dims[3]];
        var hOut = new Tensor(hNext, stateShape);
        var cOut = new Tensor(cNext, (long[])stateShape.Clone());
        var inputs = new List<Tensor> { x, weight, peepholes.Ci, peepholes.Cf, peepholes.Co };
        if (bias is not null) inputs.Add(bias);
        if (h is not null) inputs.Add(h);
        if (c is not null) inputs.Add(c);
        Tensor[] inputArray = [.. inputs];
        if (!Engine.NeedsGrad(inputArray))
        {
            spectralStep?.Release();
            ArrayPool<float>.Shared.Return(z);
            ArrayPool<float>.Shared.Return(tanhC);
            return (hOut, cOut);
        }

        bool released = false;
        Engine.Record("ConvLSTMCell", inputArray, [hOut, cOut], g =>
        {
            if (released)
                throw new InvalidOperationException("backward of ConvLSTMCell: this graph was already backpropagated and its " +
                    "saved gates were freed; run the forward pass again before a second backward.");
            var grads = Backward(s, g[0].Data, g[1].Data, z, cNext, tanhC, x, h, c, weight, bias, peepholes, spectralStep);
            released = true;
            spectralStep?.Release();
            ArrayPool<float>.Shared.Return(z);
            ArrayPool<float>.Shared.Return(tanhC);
            var result = new List<Tensor?> { grads.X, grads.W, grads.Ci, grads.Cf, grads.Co };
            if (bias is not null) result.Add(grads.Bias);
            if (h is not null) result.Add(grads.H);
            if (c is not null) result.Add(grads.C);
            return [.. result];
        });
        return (hOut, cOut);
    }

    /// <summary>Gradients handed to the engine; a parameter's is null when it was added straight into its existing
    /// <c>.grad</c> (see <see cref="Engine.ExistingLeafGradient"/>).</summary>
    private readonly record struct Grads(Tensor? X, Tensor? H, Tensor? C, Tensor? W, Tensor? Bias, Tensor? Ci, Tensor? Cf, Tensor? Co);

    /// <summary>Gradients of every input from dH_t and dC_t; <paramref name="gates"/> holds the activated i, f, g, o, <paramref name="tanhC"/> tanh(C_t) from the forward pass.
    /// Parameter gradients are added to (they start from the parameter's existing gradient or from zero).</summary>
    private static Grads Backward(Shape s, float[] dh, float[] dcNext, float[] gates, float[] cNext, float[] tanhC, Tensor x, Tensor? h, Tensor? c,
        Tensor weight, Tensor? bias, (Tensor Ci, Tensor Cf, Tensor Co) peepholes, ConvLstmSpectral? spectral)
    {
        var cd = c?.Data;
        var dz = ArrayPool<float>.Shared.Rent(s.Gates * s.Ld);
        var dcPrev = c is not null && c.requires_grad ? new float[cNext.Length] : null;
        var dwci = Engine.GradientTarget(peepholes.Ci, out var dwciT);
        var dwcf = Engine.GradientTarget(peepholes.Cf, out var dwcfT);
        var dwco = Engine.GradientTarget(peepholes.Co, out var dwcoT);
        var (wci, wcf, wco) = (peepholes.Ci.Data, peepholes.Cf.Data, peepholes.Co.Data);
        Parallelism.For(s.Hidden, 40L * s.B * s.P, j =>
        {
            for (int b = 0; b < s.B; b++)
            {
                Span<float> i = s.Gate(gates, 0, j, b), f = s.Gate(gates, 1, j, b), g = s.Gate(gates, 2, j, b), o = s.Gate(gates, 3, j, b);
                Span<float> dzi = s.Gate(dz, 0, j, b), dzf = s.Gate(dz, 1, j, b), dzg = s.Gate(dz, 2, j, b), dzo = s.Gate(dz, 3, j, b);
                int st = s.State(b, j), w = j * s.P;
                for (int p = 0; p < s.P; p++)
                {
                    float cn = cNext[st + p], cp = cd is null ? 0f : cd[st + p], tc = tanhC[st + p];
                    float gh = dh[st + p], ip = i[p], fp = f[p], gp = g[p], op = o[p];
                    float gzo = gh * tc * op * (1f - op);
                    float gc = dcNext[st + p] + gh * op * (1f - tc * tc) + gzo * wco[w + p];
                    float gzi = gc * gp * ip * (1f - ip);
                    float gzf = gc * cp * fp * (1f - fp);
                    dzo[p] = gzo;
                    dzi[p] = gzi;
                    dzf[p] = gzf;
                    dzg[p] = gc * ip * (1f - gp * gp);
                    if (dcPrev is not null) dcPrev[st + p] = gc * fp + gzi * wci[w + p] + gzf * wcf[w + p];
                    dwci[w + p] += gzi * cp;
                    dwcf[w + p] += gzf * cp;
                    dwco[w + p] += gzo * cn;
                }
            }
        });

        Tensor? dbT = null;
        var db = bias is null ? new float[s.Gates] : Engine.GradientTarget(bias, out dbT);
        for (int b = 0; b < s.B; b++)
            for (int r = 0; r < s.Gates; r++)
                db[r] += TensorPrimitives.Sum(dz.AsSpan(r * s.Ld + b * s.P, s.P));

        var xd = x.Data;
        var hd = h?.Data;
        int kUsed = hd is null ? s.Kx : s.K;
        bool needX = x.requires_grad, needH = h is not null && h.requires_grad;
        int rowStart = needX ? 0 : s.Kx, rowEnd = needH ? s.K : s.Kx, rows = Math.Max(0, rowEnd - rowStart);
        var dx = needX ? new float[xd.Length] : null;
        var dhPrev = needH ? new float[hd!.Length] : null;
        var dw = Engine.GradientTarget(weight, out var dwT);
        if (spectral is not null)
        {
            spectral.Backward(dz, dw, dx, dhPrev);
            ArrayPool<float>.Shared.Return(dz);
            return new Grads(
                dx is null ? null : new Tensor(dx, x.shape),
                dhPrev is null ? null : new Tensor(dhPrev, h!.shape),
                dcPrev is null ? null : new Tensor(dcPrev, c!.shape),
                dwT, dbT, dwciT, dwcfT, dwcoT);
        }
        var cols = ArrayPool<float>.Shared.Rent(kUsed * s.Chunk * s.P);
        var dcols = rows > 0 ? ArrayPool<float>.Shared.Rent(rows * s.Chunk * s.P) : null;
        for (int b0 = 0; b0 < s.B; b0 += s.Chunk)
        {
            int count = Math.Min(s.Chunk, s.B - b0), width = count * s.P;
            var dzChunk = dz.AsSpan(b0 * s.P, (s.Gates - 1) * s.Ld + width);
            FillColumns(s, xd, hd, b0, count, cols);
            Gemm.Sgemm(false, true, s.Gates, kUsed, width, 1f, dzChunk, s.Ld, cols, width, 1f, dw, s.K);
            if (dcols is null) continue;
            Gemm.Sgemm(true, false, rows, width, s.Gates, 1f, weight.Data.AsSpan(rowStart), s.K, dzChunk, s.Ld, 0f, dcols, width);
            Parallelism.For(count, (long)rows * s.P, b =>
            {
                if (dx is not null)
                    ConvColumns.Col2Im(s.GeoX, dcols.AsSpan(b * s.P), dx.AsSpan((b0 + b) * s.ImageX, s.ImageX), width);
                if (dhPrev is not null)
                    ConvColumns.Col2Im(s.GeoH, dcols.AsSpan((s.Kx - rowStart) * width + b * s.P), dhPrev.AsSpan((b0 + b) * s.ImageH, s.ImageH), width);
            });
        }
        ArrayPool<float>.Shared.Return(cols);
        if (dcols is not null) ArrayPool<float>.Shared.Return(dcols);
        ArrayPool<float>.Shared.Return(dz);
        return new Grads(
            dx is null ? null : new Tensor(dx, x.shape),
            dhPrev is null ? null : new Tensor(dhPrev, h!.shape),
            dcPrev is null ? null : new Tensor(dcPrev, c!.shape),
            dwT, dbT, dwciT, dwcfT, dwcoT);
    }

    /// <summary>Column matrix <c>[K(used), count·P]</c> of images b0..b0+count−1: X's rows, then H's when present.</summary>
    private static void FillColumns(in Shape s, float[] xd, float[]? hd, int b0, int count, float[] cols)
    {
        int width = count * s.P;
        var shape = s;
        Parallelism.For(count, (long)shape.K * shape.P, b =>
        {
            ConvColumns.Im2Col(shape.GeoX, xd.AsSpan((b0 + b) * shape.ImageX, shape.ImageX), cols.AsSpan(b * shape.P), width);
            if (hd is not null)
                ConvColumns.Im2Col(shape.GeoH, hd.AsSpan((b0 + b) * shape.ImageH, shape.ImageH), cols.AsSpan(shape.Kx * width + b * shape.P), width);
        });
    }

    /// <summary>Sizes of one step: P output positions per image, gate rows, column rows of X (Kx) and in all (K), GEMM
    /// row stride Ld = B·P of the gate matrix, and images per chunk.</summary>
    private readonly struct Shape
    {
        public Shape(Tensor x, Tensor weight, long maxChunkFloats)
        {
            B = (int)x.Dims[0];
            int cx = (int)x.Dims[1], height = (int)x.Dims[2], width = (int)x.Dims[3], k = (int)weight.Dims[2];
            Gates = (int)weight.Dims[0];
            Hidden = Gates / 4;
            var (top, bottom) = Functional.Convolution.Pad(k, 1, null, "ConvLSTMCell");
            GeoX = new ConvGeometry(cx, height, width, k, k, 1, 1, top, top, bottom, bottom);
            GeoH = GeoX with { Channels = Hidden };
            P = height * width;
            Kx = GeoX.ColumnRows;
            K = Kx + GeoH.ColumnRows;
            Ld = B * P;
            ImageX = cx * P;
            ImageH = Hidden * P;
            Chunk = (int)Math.Clamp(maxChunkFloats / ((long)K * P), 1, Math.Max(B, 1));
        }

        public int B { get; }
        public int Gates { get; }
        public int Hidden { get; }
        public ConvGeometry GeoX { get; }
        public ConvGeometry GeoH { get; }
        public int P { get; }
        public int Kx { get; }
        public int K { get; }
        public int Ld { get; }
        public int ImageX { get; }
        public int ImageH { get; }
        public int Chunk { get; }

        /// <summary>Offset of channel <paramref name="j"/> of image <paramref name="b"/> in a state tensor.</summary>
        public int State(int b, int j) => (b * Hidden + j) * P;

        /// <summary>Gate <paramref name="gate"/> (0..3 = i, f, g, o) of channel <paramref name="j"/>, image
        /// <paramref name="b"/> in a gate matrix.</summary>
        public Span<float> Gate(float[] m, int gate, int j, int b) => m.AsSpan((gate * Hidden + j) * Ld + b * P, P);
    }
}
