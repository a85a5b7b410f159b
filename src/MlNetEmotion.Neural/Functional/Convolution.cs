using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Window settings of a 2-D convolution (Conv1d is the case kernel height 1); padding per side.</summary>
internal readonly record struct ConvSpec(int KernelH, int KernelW, int StrideH, int StrideW, int PadTop, int PadBottom, int PadLeft, int PadRight,
    int DilationH, int DilationW, int Groups);

/// <summary>
/// Grouped, strided, dilated, padded convolution through im2col (<see cref="ConvColumns"/>) and <see cref="Gemm.Sgemm"/>.
/// Images are processed in chunks whose size depends only on the shapes (small images are batched side by side
/// into one column matrix so each GEMM is wide); forward runs in parallel over chunks, the weight gradient
/// accumulates into at most 16 fixed partial sums (chunk c → partial c mod 16) reduced in order, so results do not
/// depend on the thread count.
/// </summary>
internal static class Convolution
{
    /// <summary>Largest number of weight-gradient partials (fixed, independent of threads).</summary>
    private const int MaxSlots = 16;

    /// <summary>Target width (columns) of a chunk's column matrix.</summary>
    private const int TargetColumns = 1024;

    /// <summary>Cap on the floats of one chunk's column matrix.</summary>
    private const long MaxChunkFloats = 8L << 20;

    /// <summary>Convolves x [N, C, H, W] with w [Cout, C/groups, kH, kW].</summary>
    public static Tensor Forward(Tensor x, Tensor w, Tensor? bias, ConvSpec s, string op, long[] outShapeTail)
    {
        int n = (int)x.Dims[0], c = (int)x.Dims[1], h = (int)x.Dims[2], wd = (int)x.Dims[3];
        int cout = (int)w.Dims[0], cg = c / s.Groups, coutG = cout / s.Groups;
        var geo = new ConvGeometry(cg, h, wd, s.KernelH, s.KernelW, s.StrideH, s.StrideW, s.PadTop, s.PadLeft, s.PadBottom, s.PadRight, s.DilationH, s.DilationW);
        try
        {
            geo.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ShapeMismatchException(op, x.Dims, w.Dims, e.Message.TrimEnd('.'));
        }
        var lay = new Layout(n, c * h * wd, cg * h * wd, cout * geo.ColumnCols, coutG, geo.ColumnRows, geo.ColumnCols, ChunkSize(n, geo));
        var xd = x.Data;
        var wdata = w.Data;
        var bd = bias?.Data;
        var y = new float[n * lay.ImageOut];
        Parallelism.For(lay.Chunks, (long)cout * lay.Cols * lay.K, chunk =>
        {
            int b0 = chunk * lay.B, count = Math.Min(lay.B, n - b0), width = count * lay.P;
            var colsBuf = ArrayPool<float>.Shared.Rent(lay.K * width);
            var yBuf = count > 1 ? ArrayPool<float>.Shared.Rent(coutG * width) : null;
            for (int g = 0; g < s.Groups; g++)
            {
                var cols = colsBuf.AsSpan(0, lay.K * width);
                Im2ColChunk(geo, xd, lay, b0, count, g, cols);
                var wg = wdata.AsSpan(g * coutG * lay.K, coutG * lay.K);
                if (yBuf is null)
                    Gemm.Sgemm(false, false, coutG, lay.P, lay.K, 1f, wg, lay.K, cols, lay.P, 0f, y.AsSpan(b0 * lay.ImageOut + g * coutG * lay.P, coutG * lay.P), lay.P);
                else
                {
                    Gemm.Sgemm(false, false, coutG, width, lay.K, 1f, wg, lay.K, cols, width, 0f, yBuf, width);
                    for (int b = 0; b < count; b++)
                        for (int co = 0; co < coutG; co++)
                            yBuf.AsSpan(co * width + b * lay.P, lay.P).CopyTo(y.AsSpan((b0 + b) * lay.ImageOut + (g * coutG + co) * lay.P, lay.P));
                }
            }
            ArrayPool<float>.Shared.Return(colsBuf);
            if (yBuf is not null) ArrayPool<float>.Shared.Return(yBuf);
            if (bd is not null)
                for (int b = b0; b < b0 + count; b++)
                    for (int co = 0; co < cout; co++)
                        TensorPrimitives.Add(y.AsSpan(b * lay.ImageOut + co * lay.P, lay.P), bd[co], y.AsSpan(b * lay.ImageOut + co * lay.P, lay.P));
        });
        long[] outShape = [n, cout, .. outShapeTail];
        var result = new Tensor(y, outShape);
        Tensor[] inputs = bias is null ? [x, w] : [x, w, bias];
        if (!Engine.NeedsGrad(inputs)) return result;
        return Engine.Record(op, result, inputs, gOut => Backward(gOut.Data, x, w, bias, geo, s, lay));
    }

    /// <summary>Shapes of one convolution call: per-image sizes, GEMM dims and the chunking.</summary>
    private readonly record struct Layout(int N, int ImageIn, int GroupIn, int ImageOut, int CoutG, int K, int P, int B)
    {
        public int Chunks => (N + B - 1) / B;

        public int Cols => B * P;
    }

    /// <summary>Images per chunk: enough to make the GEMM about <see cref="TargetColumns"/> wide, within the memory cap.</summary>
    private static int ChunkSize(int n, in ConvGeometry geo)
    {
        int p = geo.ColumnCols;
        int b = Math.Max(1, (TargetColumns + p - 1) / p);
        while (b > 1 && (long)geo.ColumnRows * p * b > MaxChunkFloats) b--;
        return Math.Min(b, Math.Max(n, 1));
    }

    private static Tensor?[] Backward(float[] gy, Tensor x, Tensor w, Tensor? bias, ConvGeometry geo, ConvSpec s, Layout lay)
    {
        var xd = x.Data;
        var wdata = w.Data;
        int coutG = lay.CoutG;
        float[]? dx = x.requires_grad ? new float[xd.Length] : null;
        int slots = Math.Min(MaxSlots, lay.Chunks);
        // Weight-gradient partials are op-internal scratch: rented, cleared (a rented array holds stale values), and
        // returned once reduced.
        var pool = ArrayPool<float>.Shared;
        float[][]? partials = null;
        if (w.requires_grad)
        {
            partials = new float[slots][];
            for (int i = 0; i < slots; i++)
            {
                partials[i] = pool.Rent(wdata.Length);
                Array.Clear(partials[i], 0, wdata.Length);
            }
        }
        Parallelism.For(slots, (long)coutG * s.Groups * lay.Cols * lay.K * 2 * Math.Max(1, lay.Chunks / slots), slot =>
        {
            var colsBuf = ArrayPool<float>.Shared.Rent(lay.K * lay.Cols);
            var dyBuf = ArrayPool<float>.Shared.Rent(coutG * lay.Cols);
            for (int chunk = slot; chunk < lay.Chunks; chunk += slots)
            {
                int b0 = chunk * lay.B, count = Math.Min(lay.B, lay.N - b0), width = count * lay.P;
                var cols = colsBuf.AsSpan(0, lay.K * width);
                for (int g = 0; g < s.Groups; g++)
                {
                    // dY of this group for the chunk as [CoutG, count·P].
                    ReadOnlySpan<float> dy;
                    if (count == 1) dy = gy.AsSpan(b0 * lay.ImageOut + g * coutG * lay.P, coutG * lay.P);
                    else
                    {
                        for (int b = 0; b < count; b++)
                            for (int co = 0; co < coutG; co++)
                                gy.AsSpan((b0 + b) * lay.ImageOut + (g * coutG + co) * lay.P, lay.P).CopyTo(dyBuf.AsSpan(co * width + b * lay.P, lay.P));
                        dy = dyBuf.AsSpan(0, coutG * width);
                    }
                    var wg = wdata.AsSpan(g * coutG * lay.K, coutG * lay.K);
                    if (partials is not null)
                    {
                        Im2ColChunk(geo, xd, lay, b0, count, g, cols);
                        Gemm.Sgemm(false, true, coutG, lay.K, width, 1f, dy, width, cols, width, 1f, partials[slot].AsSpan(g * coutG * lay.K, coutG * lay.K), lay.K);
                    }
                    if (dx is not null)
                    {
                        Gemm.Sgemm(true, false, lay.K, width, coutG, 1f, wg, lay.K, dy, width, 0f, cols, width);
                        Col2ImChunk(geo, cols, lay, b0, count, g, dx);
                    }
                }
            }
            ArrayPool<float>.Shared.Return(colsBuf);
            ArrayPool<float>.Shared.Return(dyBuf);
        });
        Tensor? gw = null;
        if (partials is not null)
        {
            var dw = partials[0].AsSpan(0, wdata.Length);
            for (int i = 1; i < slots; i++) TensorPrimitives.Add(dw, partials[i].AsSpan(0, wdata.Length), dw);
            // A weight that already holds a gradient gets the sum added in place, the same addition the engine would
            // make (so the result is bit-identical); otherwise the sum leaves as a fresh gradient tensor.
            if (Engine.ExistingLeafGradient(w) is { } existing) TensorPrimitives.Add(existing, dw, existing);
            else gw = new Tensor(dw.ToArray(), w.shape);
            foreach (var partial in partials) pool.Return(partial);
        }
        Tensor? gb = null;
        if (bias is not null && bias.requires_grad)
        {
            int cout = (int)w.Dims[0];
            var db = new float[cout];
            for (int img = 0; img < lay.N; img++)
                for (int co = 0; co < cout; co++)
                    db[co] += TensorPrimitives.Sum(gy.AsSpan(img * lay.ImageOut + co * lay.P, lay.P));
            gb = new Tensor(db, bias.shape);
        }
        Tensor? gx = dx is null ? null : new Tensor(dx, x.shape);
        return bias is null ? [gx, gw] : [gx, gw, gb];
    }

    /// <summary>Column matrix [K, count·P] of group <paramref name="g"/> for images b0..b0+count−1, side by side.</summary>
    private static void Im2ColChunk(in ConvGeometry geo, float[] x, in Layout lay, int b0, int count, int g, Span<float> cols)
    {
        int width = count * lay.P;
        for (int b = 0; b < count; b++)
            ConvColumns.Im2Col(geo, x.AsSpan((b0 + b) * lay.ImageIn + g * lay.GroupIn, lay.GroupIn), cols[(b * lay.P)..], width);
    }

    /// <summary>Adds the adjoint of <see cref="Im2ColChunk"/> into the chunk's images of <paramref name="dx"/>.</summary>
    private static void Col2ImChunk(in ConvGeometry geo, ReadOnlySpan<float> cols, in Layout lay, int b0, int count, int g, float[] dx)
    {
        int width = count * lay.P;
        for (int b = 0; b < count; b++)
            ConvColumns.Col2Im(geo, cols[(b * lay.P)..], dx.AsSpan((b0 + b) * lay.ImageIn + g * lay.GroupIn, lay.GroupIn), width);
    }

    /// <summary>Resolves symmetric or "same" padding: same pads dilation·(k−1) in total, the extra one after (PyTorch).</summary>
    public static (int Before, int After) Pad(int kernel, int dilation, int? explicitPad, string op)
    {
        if (explicitPad is int pad)
        {
            if (pad < 0) throw new ArgumentOutOfRangeException(nameof(explicitPad), pad, $"{op}: padding must be non-negative.");
            return (pad, pad);
        }
        int total = dilation * (kernel - 1);
        return (total / 2, total - total / 2);
    }
}
