using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MlNetEmotion.Neural.Internal;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// The gate convolution of a <see cref="ConvLSTMCell"/> step through <see cref="SpectralPlan"/> (DFT products instead of
/// im2col + GEMM): for a 7×7 "same" kernel on 14×14 maps each (gate, channel) pair costs 153 complex multiply-adds per
/// image instead of 196·49 real ones. The spectra of X_t and H_{t−1} are kept from the forward pass for the weight
/// gradient; the kernel spectra are computed once per weight value and cached (see <see cref="WeightSpectra"/>).
/// </summary>
internal sealed class ConvLstmSpectral
{
    /// <summary>Lanes per block of a transform (a unit of parallel work).</summary>
    private const int LaneBlock = 64;

    private ConvLstmSpectral(SpectralPlan plan, WeightSpectra weights, int batch, int cx, int hidden, int cUsed)
    {
        Plan = plan;
        Weights = weights;
        Batch = batch;
        Cx = cx;
        Hidden = hidden;
        Gates = 4 * hidden;
        Cin = cx + hidden;
        CUsed = cUsed;
        CLanes = SpectralPlan.Lanes(Cin);
        GLanes = SpectralPlan.Lanes(Gates);
        P = plan.Height * plan.Width;
    }

    private SpectralPlan Plan { get; }
    private WeightSpectra Weights { get; }
    private int Batch { get; }
    private int Cx { get; }
    private int Hidden { get; }
    private int Gates { get; }
    private int Cin { get; }
    private int CUsed { get; }
    private int CLanes { get; }
    private int GLanes { get; }
    private int P { get; }

    /// <summary>Spectra of X_t (and H_{t−1}) <c>[f][re, im][b][CLanes]</c>, rented; null once released.</summary>
    private float[]? inputSpectra;

    /// <summary>Whether this step can run here: AVX2 + FMA and a square kernel of at least 5 (smaller kernels are
    /// cheaper as im2col + GEMM).</summary>
    public static bool Prefer(int kernel) => SpectralPlan.IsSupported && kernel >= 5;

    /// <summary>Forward gate convolution: writes the pre-activations (without bias) into <paramref name="z"/>
    /// <c>[4·hidden][B·P]</c> and returns the state backward needs.</summary>
    public static ConvLstmSpectral Forward(float[] xd, float[]? hd, Tensor weight, int batch, int cx, int hidden,
        int height, int width, int kernel, int top, int bottom, float[] z)
    {
        var plan = SpectralPlan.Get(height, width, kernel, top, bottom, top, bottom);
        var step = new ConvLstmSpectral(plan, WeightSpectra.For(weight, plan, cx + hidden), batch, cx, hidden,
            hd is null ? cx : cx + hidden);
        step.RunForward(xd, hd, z);
        return step;
    }

    private void RunForward(float[] xd, float[]? hd, float[] z)
    {
        var pool = ArrayPool<float>.Shared;
        int xLanes = Batch * CLanes, zLanes = Batch * GLanes, ld = Batch * P;
        var spatial = pool.Rent(P * Math.Max(xLanes, zLanes));
        Array.Clear(spatial, 0, P * xLanes);
        for (int b = 0; b < Batch; b++)
        {
            for (int c = 0; c < Cx; c++)
                Scatter(xd.AsSpan((b * Cx + c) * P, P), spatial, b * CLanes + c, xLanes);
            if (hd is not null)
                for (int c = 0; c < Hidden; c++)
                    Scatter(hd.AsSpan((b * Hidden + c) * P, P), spatial, b * CLanes + Cx + c, xLanes);
        }

        var tmp = pool.Rent(Plan.TempLength(Plan.Height, Math.Max(xLanes, zLanes)));
        inputSpectra = pool.Rent(Plan.SpectrumLength(xLanes));
        Transform(xLanes, (l0, l1) => Plan.ForwardImage(spatial, tmp, inputSpectra, xLanes, l0, l1));

        var zs = pool.Rent(Plan.SpectrumLength(zLanes));
        MultiplyForward(zs);
        Transform(zLanes, (l0, l1) => Plan.InverseImage(zs, tmp, spatial, zLanes, l0, l1));
        pool.Return(zs);
        pool.Return(tmp);
        Parallelism.For(Gates, ld, g =>
        {
            for (int b = 0; b < Batch; b++)
                Gather(spatial, b * GLanes + g, zLanes, z.AsSpan(g * ld + b * P, P));
        });
        pool.Return(spatial);
    }

    private unsafe void MultiplyForward(float[] zs)
    {
        fixed (float* w = Weights.Cg, x = inputSpectra, o = zs)
        {
            nint wp = (nint)w, xp = (nint)x, op = (nint)o;
            Parallelism.For(Plan.F, 8L * Gates * CUsed * Batch, f =>
                SpectralPlan.MultiplyForward(f, (float*)wp, Cin, GLanes, (float*)xp, Batch, CLanes, CUsed, (float*)op));
        }
    }

    /// <summary>Frees the saved input spectra (after backward, or at once when no graph is recorded).</summary>
    public void Release()
    {
        if (inputSpectra is null) return;
        ArrayPool<float>.Shared.Return(inputSpectra);
        inputSpectra = null;
        Weights.Release();
    }

    /// <summary>Backward of the gate convolution from dZ <c>[4·hidden][B·P]</c>: adds dW into <paramref name="dw"/>
    /// <c>[4·hidden][Cin·k·k]</c> (channels below the used count only) and writes dX / dH when they are non-null.</summary>
    public void Backward(float[] dz, float[] dw, float[]? dx, float[]? dh)
    {
        var pool = ArrayPool<float>.Shared;
        int xLanes = Batch * CLanes, zLanes = Batch * GLanes, ld = Batch * P;
        var spatial = pool.Rent(P * Math.Max(xLanes, zLanes));
        Array.Clear(spatial, 0, P * zLanes);
        for (int g = 0; g < Gates; g++)
            for (int b = 0; b < Batch; b++)
                Scatter(dz.AsSpan(g * ld + b * P, P), spatial, b * GLanes + g, zLanes);
        var tmp = pool.Rent(Plan.TempLength(Plan.Height, Math.Max(xLanes, zLanes)));
        var dzs = pool.Rent(Plan.SpectrumLength(zLanes));
        Transform(zLanes, (l0, l1) => Plan.ForwardImage(spatial, tmp, dzs, zLanes, l0, l1));
        for (int f = 0; f < Plan.F; f++)   // keep conj(dZ): both products then need no negated scalars
            TensorPrimitives.Negate(dzs.AsSpan((2 * f + 1) * zLanes, zLanes), dzs.AsSpan((2 * f + 1) * zLanes, zLanes));

        WeightGradient(dzs, dw);

        bool needX = dx is not null, needH = dh is not null && CUsed > Cx;
        if (needX || needH)
        {
            int cFrom = needX ? 0 : Cx, cTo = needH ? Cin : Cx;
            var dxs = pool.Rent(Plan.SpectrumLength(xLanes));
            Array.Clear(dxs, 0, Plan.SpectrumLength(xLanes));
            InputGradient(dzs, dxs, cFrom, cTo);
            Transform(xLanes, (l0, l1) => Plan.InverseImage(dxs, tmp, spatial, xLanes, l0, l1));
            pool.Return(dxs);
            for (int b = 0; b < Batch; b++)
            {
                if (dx is not null)
                    for (int c = 0; c < Cx; c++)
                        Gather(spatial, b * CLanes + c, xLanes, dx.AsSpan((b * Cx + c) * P, P));
                if (needH)
                    for (int c = 0; c < Hidden; c++)
                        Gather(spatial, b * CLanes + Cx + c, xLanes, dh!.AsSpan((b * Hidden + c) * P, P));
            }
        }
        pool.Return(dzs);
        pool.Return(tmp);
        pool.Return(spatial);
    }

    private unsafe void InputGradient(float[] dzs, float[] dxs, int cFrom, int cTo)
    {
        fixed (float* w = Weights.Gc, z = dzs, o = dxs)
        {
            nint wp = (nint)w, zp = (nint)z, op = (nint)o;
            Parallelism.For(Plan.F, 8L * Gates * (cTo - cFrom) * Batch, f =>
                SpectralPlan.MultiplyInputGradient(f, (float*)wp, Gates, CLanes, (float*)zp, Batch, GLanes, cFrom, cTo, (float*)op));
        }
    }

    /// <summary>dW in tiles of 4 gates × 8 channels: products over all frequencies, then the inverse transform to the
    /// k×k taps, added into <paramref name="dw"/>. The operands are first copied into tile-blocked layouts (each tile
    /// then reads two contiguous streams instead of 16 scattered cache lines per frequency).</summary>
    private unsafe void WeightGradient(float[] dzs, float[] dw)
    {
        int k = Plan.Kernel, kk = k * k, rowStride = Cin * kk, F = Plan.F, batch = Batch;
        int gTiles = (Gates + 3) / 4, cTiles = SpectralPlan.Lanes(CUsed) / SpectralPlan.LanePad;
        int zBlock = F * 2 * batch * 4, xBlock = F * 2 * batch * SpectralPlan.LanePad;
        var pool = ArrayPool<float>.Shared;
        var zBlocked = pool.Rent(gTiles * zBlock);
        var xBlocked = pool.Rent(cTiles * xBlock);
        var xs = inputSpectra!;
        int xLanes = batch * CLanes, zLanes = batch * GLanes, gates = Gates, cLanes = CLanes, gLanes = GLanes;
        Parallelism.For(F, 2L * batch * (gLanes + cLanes), f =>
        {
            for (int r = 0; r < 2; r++)
                for (int b = 0; b < batch; b++)
                {
                    int src = (2 * f + r) * zLanes + b * gLanes;
                    for (int gt = 0; gt < gTiles; gt++)
                    {
                        int dst = gt * zBlock + ((f * 2 + r) * batch + b) * 4;
                        for (int j = 0; j < 4; j++)
                        {
                            int g = gt * 4 + j;
                            zBlocked[dst + j] = g < gates ? dzs[src + g] : 0f;
                        }
                    }
                    src = (2 * f + r) * xLanes + b * cLanes;
                    for (int ct = 0; ct < cTiles; ct++)
                        Array.Copy(xs, src + ct * SpectralPlan.LanePad, xBlocked,
                            ct * xBlock + ((f * 2 + r) * batch + b) * SpectralPlan.LanePad, SpectralPlan.LanePad);
                }
        });

        fixed (float* z = zBlocked, x = xBlocked)
        {
            nint zp = (nint)z, xp = (nint)x;
            Parallelism.For(gTiles * cTiles, 16L * F * batch * 32, t =>
                WeightGradientTile(t / cTiles, t % cTiles, (float*)zp + (long)(t / cTiles) * zBlock, (float*)xp + (long)(t % cTiles) * xBlock, dw));
        }
        pool.Return(zBlocked);
        pool.Return(xBlocked);
    }

    /// <summary>One tile of <see cref="WeightGradient"/>: gates <c>[4·gt, 4·gt + 4)</c>, channels <c>[8·ct, 8·ct + 8)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void WeightGradientTile(int gt, int ct, float* dz, float* xs, float[] dw)
    {
        int k = Plan.Kernel, kk = k * k, rowStride = Cin * kk, g0 = gt * 4, cv = ct * SpectralPlan.LanePad;
        int tileSpectrum = Plan.SpectrumLength(32), tileTemp = Plan.TempLength(k, 32);
        var buffer = ArrayPool<float>.Shared.Rent(tileSpectrum + tileTemp + kk * 32);
        fixed (float* bp = buffer)
        {
            float* spectrum = bp, temp = bp + tileSpectrum, taps = temp + tileTemp;
            SpectralPlan.MultiplyWeightGradientTile(Plan.F, dz, xs, Batch, spectrum);
            Plan.InverseKernel(spectrum, temp, taps, 32, 0, 32);
            for (int gj = 0; gj < 4 && g0 + gj < Gates; gj++)
                for (int cl = 0; cl < SpectralPlan.LanePad && cv + cl < CUsed; cl++)
                {
                    var row = dw.AsSpan((g0 + gj) * rowStride + (cv + cl) * kk, kk);
                    int lane = gj * SpectralPlan.LanePad + cl;
                    for (int d = 0; d < kk; d++) row[d] += taps[d * 32 + lane];
                }
        }
        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>Runs a transform over <paramref name="lanes"/> lanes in parallel blocks.</summary>
    private void Transform(int lanes, Action<int, int> body)
    {
        int blocks = (lanes + LaneBlock - 1) / LaneBlock;
        long cost = 8L * Plan.F * Plan.Height * LaneBlock;
        Parallelism.For(blocks, cost, i => body(i * LaneBlock, Math.Min(lanes, (i + 1) * LaneBlock)));
    }

    /// <summary>Writes a P-long plane into lane <paramref name="lane"/> of a <c>[P][lanes]</c> array.</summary>
    private static void Scatter(ReadOnlySpan<float> plane, float[] spatial, int lane, int lanes)
    {
        for (int p = 0; p < plane.Length; p++) spatial[p * lanes + lane] = plane[p];
    }

    /// <summary>Reads lane <paramref name="lane"/> of a <c>[P][lanes]</c> array into a P-long plane.</summary>
    private static void Gather(float[] spatial, int lane, int lanes, Span<float> plane)
    {
        for (int p = 0; p < plane.Length; p++) plane[p] = spatial[p * lanes + lane];
    }

    /// <summary>
    /// Kernel spectra of one weight tensor in the two layouts the products read, blocked by 8 lanes with re and im
    /// interleaved per block so each product streams contiguous memory: <see cref="Gc"/> <c>[f][CLanes / 8][gate][re 8, im 8]</c>
    /// and <see cref="Cg"/> <c>[f][GLanes / 8][channel][re 8, im 8]</c> (padding lanes zero). Cached per weight tensor
    /// and reused while its values are bit-identical to the copy taken when they were computed (a sequence runs every
    /// step with the same weights; an optimizer step changes them, and the next forward recomputes, into the previous
    /// arrays when no step holds them any more).
    /// </summary>
    internal sealed class WeightSpectra
    {
        private static readonly ConditionalWeakTable<Tensor, Holder> Cache = new();

        private WeightSpectra(float[] weight, SpectralPlan plan, int gates, int cin, WeightSpectra? recycled)
        {
            Plan = plan;
            Copy = recycled?.Copy ?? new float[weight.Length];
            weight.AsSpan().CopyTo(Copy);
            int k = plan.Kernel, kk = k * k, cLanes = SpectralPlan.Lanes(cin), gLanes = SpectralPlan.Lanes(gates);
            int lanes = gates * cLanes;
            var pool = ArrayPool<float>.Shared;
            var spatial = pool.Rent(kk * lanes);
            Array.Clear(spatial, 0, kk * lanes);
            for (int d = 0; d < kk; d++)   // sequential writes (tap-major), constant-stride reads
                for (int g = 0; g < gates; g++)
                {
                    int dst = d * lanes + g * cLanes, src = g * cin * kk + d;
                    for (int c = 0; c < cin; c++) spatial[dst + c] = weight[src + c * kk];
                }
            var spectrum = pool.Rent(plan.SpectrumLength(lanes));   // [f][re, im][gate][cLanes]
            var tmp = pool.Rent(plan.TempLength(k, lanes));
            int blocks = (lanes + LaneBlock - 1) / LaneBlock;
            Parallelism.For(blocks, 8L * plan.F * k * LaneBlock,
                i => plan.ForwardKernel(spatial, tmp, spectrum, lanes, i * LaneBlock, Math.Min(lanes, (i + 1) * LaneBlock)));
            pool.Return(tmp);
            pool.Return(spatial);

            // Every element below is written (padding lanes as zero), so the arrays need no clearing.
            const int V = SpectralPlan.LanePad;
            int cBlocks = cLanes / V, gBlocks = gLanes / V;
            var gc = Gc = recycled?.Gc ?? GC.AllocateUninitializedArray<float>(plan.F * cBlocks * gates * 2 * V);
            var cg = Cg = recycled?.Cg ?? GC.AllocateUninitializedArray<float>(plan.F * gBlocks * cin * 2 * V);
            Parallelism.For(plan.F, 4L * gates * cin, f => Relayout(spectrum, f, lanes, gates, cin, gc, cg));
            pool.Return(spectrum);
        }

        private SpectralPlan Plan { get; }

        private float[] Copy { get; }

        /// <summary>Spectra <c>[f][CLanes / 8][gate][re 8, im 8]</c> (lanes over input channels).</summary>
        public float[] Gc { get; }

        /// <summary>Spectra <c>[f][GLanes / 8][channel][re 8, im 8]</c> (lanes over gates).</summary>
        public float[] Cg { get; }

        /// <summary>Writes frequency <paramref name="f"/> of <paramref name="spectrum"/> (<c>[f][re, im][gate][cLanes]</c>) into
        /// the blocked layouts of <see cref="Gc"/> and <see cref="Cg"/> (padding gate lanes zero).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void Relayout(float[] spectrum, int f, int lanes, int gates, int cin, float[] gc, float[] cg)
        {
            const int V = SpectralPlan.LanePad;
            int cLanes = SpectralPlan.Lanes(cin), cBlocks = cLanes / V, gBlocks = SpectralPlan.Lanes(gates) / V;
            fixed (float* sp = spectrum, gp = gc, cp = cg)
                for (int r = 0; r < 2; r++)
                {
                    float* src = sp + (long)(2 * f + r) * lanes;
                    for (int cb = 0; cb < cBlocks; cb++)
                        for (int g = 0; g < gates; g++)
                            Avx.Store(gp + (((long)f * cBlocks + cb) * gates + g) * 2 * V + r * V, Avx.LoadVector256(src + g * cLanes + cb * V));
                    for (int gb = 0; gb < gBlocks; gb++)
                    {
                        float* dst = cp + ((long)f * gBlocks + gb) * cin * 2 * V + r * V;
                        for (int j = 0; j < V; j++)
                        {
                            int g = gb * V + j;
                            float* row = src + g * cLanes;
                            if (g < gates)
                                for (int c = 0; c < cin; c++) dst[c * 2 * V + j] = row[c];
                            else
                                for (int c = 0; c < cin; c++) dst[c * 2 * V + j] = 0f;
                        }
                    }
                }
        }

        /// <summary>Steps that hold these spectra (acquired in <see cref="For"/>, released by <see cref="Release"/>).</summary>
        private int users;

        /// <summary>The spectra of <paramref name="weight"/>'s current values, held for one step until <see cref="Release"/>.
        /// When the weight changed and no step still holds the previous spectra, their arrays are reused (no fresh 30 MB
        /// of large-object-heap arrays per optimizer step for the paper's first layer); otherwise new ones are made.</summary>
        public static WeightSpectra For(Tensor weight, SpectralPlan plan, int cin)
        {
            var data = weight.Data;
            var holder = Cache.GetValue(weight, _ => new Holder());
            lock (holder)
            {
                var current = holder.Current;
                if (current is not null && ReferenceEquals(current.Plan, plan) && current.Copy.Length == data.Length
                    && MemoryMarshal.Cast<float, int>(current.Copy.AsSpan()).SequenceEqual(MemoryMarshal.Cast<float, int>(data.AsSpan())))
                {
                    Interlocked.Increment(ref current.users);
                    return current;
                }
                // Reuse only an entry of the same shapes that no step holds any more: it is no longer reachable
                // through the cache once replaced, so nothing reads its arrays again.
                var recycled = current is not null && ReferenceEquals(current.Plan, plan) && current.Copy.Length == data.Length
                    && Volatile.Read(ref current.users) == 0 ? current : null;
                var fresh = new WeightSpectra(data, plan, (int)weight.Dims[0], cin, recycled) { users = 1 };
                holder.Current = fresh;
                return fresh;
            }
        }

        /// <summary>Ends one step's use of these spectra.</summary>
        public void Release() => Interlocked.Decrement(ref users);

        /// <summary>The current spectra of one weight tensor (the lock guards acquiring and replacing them).</summary>
        private sealed class Holder
        {
            public WeightSpectra? Current;
        }
    }
}
