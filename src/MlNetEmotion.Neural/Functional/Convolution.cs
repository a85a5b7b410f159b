using System.Buffers;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Window settings of a 2-D convolution (Conv1d is the case kernel height 1); padding per side.</summary>
internal readonly record struct ConvSpec(int KernelH, int KernelW, int StrideH, int StrideW, int PadTop, int PadBottom, int PadLeft, int PadRight,
    int DilationH, int DilationW, int Groups);

/// <summary>
/// Grouped, strided, dilated, padded convolution through im2col (<see cref="ConvColumns"/>) and <see cref="Gemm.Sgemm"/>:
/// forward and input gradient run in parallel over images, the weight gradient over a fixed number of
/// partial sums reduced in order, so results do not depend on the thread count.
/// </summary>
internal static class Convolution
{
    /// <summary>Largest number of weight-gradient partials (fixed, independent of threads).</summary>
    private const int MaxSlots = 16;

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
        int k = geo.ColumnRows, p = geo.ColumnCols, imageIn = c * h * wd, imageOut = cout * p;
        var xd = x.Data;
        var wdata = w.Data;
        var bd = bias?.Data;
        var y = new float[n * imageOut];
        Parallelism.For(n, (long)cout * p * k, img =>
        {
            var rented = ArrayPool<float>.Shared.Rent(k * p);
            var cols = rented.AsSpan(0, k * p);
            for (int g = 0; g < s.Groups; g++)
            {
                ConvColumns.Im2Col(geo, xd.AsSpan(img * imageIn + g * cg * h * wd, cg * h * wd), cols);
                var yg = y.AsSpan(img * imageOut + g * coutG * p, coutG * p);
                Gemm.Sgemm(false, false, coutG, p, k, 1f, wdata.AsSpan(g * coutG * k, coutG * k), k, cols, p, 0f, yg, p);
            }
            ArrayPool<float>.Shared.Return(rented);
            if (bd is not null)
                for (int co = 0; co < cout; co++)
                    System.Numerics.Tensors.TensorPrimitives.Add(y.AsSpan(img * imageOut + co * p, p), bd[co], y.AsSpan(img * imageOut + co * p, p));
        });
        long[] outShape = [n, cout, .. outShapeTail];
        var result = new Tensor(y, outShape);
        Tensor[] inputs = bias is null ? [x, w] : [x, w, bias];
        if (!Engine.NeedsGrad(inputs)) return result;
        return Engine.Record(op, result, inputs, gOut =>
        {
            var gy = gOut.Data;
            float[]? dx = x.requires_grad ? new float[xd.Length] : null;
            float[]? dw = null;
            int slots = Math.Min(MaxSlots, n);
            float[][]? partials = null;
            if (w.requires_grad)
            {
                partials = new float[slots][];
                for (int i = 0; i < slots; i++) partials[i] = new float[wdata.Length];
            }
            Parallelism.For(slots, (long)cout * p * k * 2 * Math.Max(1, n / slots), slot =>
            {
                var rented = ArrayPool<float>.Shared.Rent(k * p);
                var cols = rented.AsSpan(0, k * p);
                for (int img = slot; img < n; img += slots)
                {
                    for (int g = 0; g < s.Groups; g++)
                    {
                        var gyg = gy.AsSpan(img * imageOut + g * coutG * p, coutG * p);
                        var wg = wdata.AsSpan(g * coutG * k, coutG * k);
                        var xImage = xd.AsSpan(img * imageIn + g * cg * h * wd, cg * h * wd);
                        if (partials is not null)
                        {
                            ConvColumns.Im2Col(geo, xImage, cols);
                            Gemm.Sgemm(false, true, coutG, k, p, 1f, gyg, p, cols, p, 1f, partials[slot].AsSpan(g * coutG * k, coutG * k), k);
                        }
                        if (dx is not null)
                        {
                            Gemm.Sgemm(true, false, k, p, coutG, 1f, wg, k, gyg, p, 0f, cols, p);
                            ConvColumns.Col2Im(geo, cols, dx.AsSpan(img * imageIn + g * cg * h * wd, cg * h * wd));
                        }
                    }
                }
                ArrayPool<float>.Shared.Return(rented);
            });
            if (partials is not null)
            {
                dw = partials[0];
                for (int i = 1; i < slots; i++) System.Numerics.Tensors.TensorPrimitives.Add(dw, partials[i], dw);
            }
            Tensor? gb = null;
            if (bias is not null && bias.requires_grad)
            {
                var db = new float[cout];
                for (int img = 0; img < n; img++)
                    for (int co = 0; co < cout; co++)
                        db[co] += System.Numerics.Tensors.TensorPrimitives.Sum(gy.AsSpan(img * imageOut + co * p, p));
                gb = new Tensor(db, bias.shape);
            }
            Tensor? gx = dx is null ? null : new Tensor(dx, x.shape);
            Tensor? gw = dw is null ? null : new Tensor(dw, w.shape);
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
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
