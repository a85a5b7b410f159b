using System.Buffers;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Pooling over the last two dims of [N, C, H, W] (or [C, H, W]), parallel over planes.</summary>
internal static class Pooling
{
    /// <summary>Output length of a pooling window sweep, PyTorch's rule (ceil mode drops a window starting in the right padding).</summary>
    public static int OutputSize(int size, int kernel, int stride, int pad, int dilation, bool ceil, string op)
    {
        if (kernel <= 0 || stride <= 0 || dilation <= 0)
            throw new ArgumentException($"{op}: kernel, stride and dilation must be positive (got {kernel}, {stride}, {dilation}).");
        if (pad < 0 || pad > kernel / 2)
            throw new ArgumentException($"{op}: padding {pad} must be between 0 and half the kernel size {kernel}.");
        long span = size + 2L * pad - dilation * (kernel - 1) - 1;
        if (span < 0) throw new ArgumentException($"{op}: the window {kernel} (dilation {dilation}) does not fit input size {size} with padding {pad}.");
        int outSize = (int)((ceil ? span + stride - 1 : span) / stride) + 1;
        if (ceil && (outSize - 1) * stride >= size + pad) outSize--;
        return outSize;
    }

    private static (int Planes, int H, int W, long[] Lead) Planes(Tensor x, string op)
    {
        if (x.ndim != 3 && x.ndim != 4) throw new ShapeMismatchException(op, x.Dims, [], "input must be [N, C, H, W] or [C, H, W]");
        int h = (int)x.Dims[^2], w = (int)x.Dims[^1];
        return ((int)(x.numel() / Math.Max(1, (long)h * w)), h, w, x.Dims[..^2].ToArray());
    }

    public static Tensor MaxPool2d(Tensor x, (int H, int W) k, (int H, int W) s, (int H, int W) pad, (int H, int W) dil, bool ceil)
    {
        const string op = "max_pool2d";
        var (planes, h, w, lead) = Planes(x, op);
        int oh = OutputSize(h, k.H, s.H, pad.H, dil.H, ceil, op), ow = OutputSize(w, k.W, s.W, pad.W, dil.W, ceil, op);
        var xd = x.Data;
        var y = new float[planes * oh * ow];
        // Argmax per output, saved for backward: op-internal, so rented and returned once backward has run (every
        // entry is written below, so stale pool contents never show).
        var arg = ArrayPool<int>.Shared.Rent(y.Length);
        bool pairs = k == (2, 2) && s == (2, 2) && pad == (0, 0) && dil == (1, 1);
        Parallelism.For(planes, (long)oh * ow * k.H * k.W, pl =>
        {
            int inBase = pl * h * w, outBase = pl * oh * ow;
            if (pairs)
            {
                MaxPool2x2(xd, inBase, w, y, arg, outBase, oh, ow);
                return;
            }
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                {
                    float best = float.NegativeInfinity;
                    int bestIx = -1;
                    for (int a = 0; a < k.H; a++)
                    {
                        int iy = i * s.H - pad.H + a * dil.H;
                        if ((uint)iy >= (uint)h) continue;
                        for (int b = 0; b < k.W; b++)
                        {
                            int ix = j * s.W - pad.W + b * dil.W;
                            if ((uint)ix >= (uint)w) continue;
                            float v = xd[inBase + iy * w + ix];
                            if (v > best || float.IsNaN(v) || bestIx < 0)
                            {
                                best = v;
                                bestIx = iy * w + ix;
                                if (float.IsNaN(v)) goto done;
                            }
                        }
                    }
                done:
                    y[outBase + i * ow + j] = best;
                    arg[outBase + i * ow + j] = bestIx;
                }
        });
        var result = new Tensor(y, [.. lead, oh, ow]);
        if (!Engine.NeedsGrad(x))
        {
            ArrayPool<int>.Shared.Return(arg);
            return result;
        }

        bool released = false;
        return Engine.Record(op, result, [x], g =>
        {
            if (released)
                throw new InvalidOperationException($"backward of {op}: this graph was already backpropagated and its saved " +
                    "argmax indices were freed; run the forward pass again before a second backward.");
            var gd = g.Data;
            var dx = new float[xd.Length];
            Parallelism.For(planes, (long)oh * ow, pl =>
            {
                int inBase = pl * h * w, outBase = pl * oh * ow;
                for (int o = 0; o < oh * ow; o++)
                    if (arg[outBase + o] >= 0) dx[inBase + arg[outBase + o]] += gd[outBase + o];
            });
            released = true;
            ArrayPool<int>.Shared.Return(arg);
            return [new Tensor(dx, x.shape)];
        });
    }

    /// <summary>Fast path of the common 2×2, stride-2, unpadded max pool (same first-maximum and NaN rules).</summary>
    private static void MaxPool2x2(float[] x, int inBase, int w, float[] y, int[] arg, int outBase, int oh, int ow)
    {
        for (int i = 0; i < oh; i++)
        {
            int r0 = inBase + 2 * i * w, r1 = r0 + w, o = outBase + i * ow;
            for (int j = 0; j < ow; j++)
            {
                int c0 = 2 * j;
                float a = x[r0 + c0], b = x[r0 + c0 + 1], c = x[r1 + c0], d = x[r1 + c0 + 1];
                float best;
                int bestIx;
                if (float.IsNaN(a + b + c + d))
                {
                    // Rare: NaN (or +∞ with −∞) in the window; the first NaN wins, as in PyTorch.
                    (best, bestIx) = float.IsNaN(a) ? (a, 0) : float.IsNaN(b) ? (b, 1) : float.IsNaN(c) ? (c, w) : float.IsNaN(d) ? (d, w + 1) : FirstMax(a, b, c, d, w);
                }
                else (best, bestIx) = FirstMax(a, b, c, d, w);
                bestIx += 2 * i * w + c0;
                y[o + j] = best;
                arg[o + j] = bestIx;
            }
        }
    }

    /// <summary>First maximum of a 2×2 window in row-major order, with its offset from the window's top-left.</summary>
    private static (float Value, int Offset) FirstMax(float a, float b, float c, float d, int w)
    {
        float best = a;
        int ix = 0;
        if (b > best) { best = b; ix = 1; }
        if (c > best) { best = c; ix = w; }
        if (d > best) { best = d; ix = w + 1; }
        return (best, ix);
    }

    public static Tensor AvgPool2d(Tensor x, (int H, int W) k, (int H, int W) s, (int H, int W) pad, bool ceil, bool countIncludePad)
    {
        const string op = "avg_pool2d";
        var (planes, h, w, lead) = Planes(x, op);
        int oh = OutputSize(h, k.H, s.H, pad.H, 1, ceil, op), ow = OutputSize(w, k.W, s.W, pad.W, 1, ceil, op);
        // Window bounds and divisor per output position, shared by forward and backward.
        var rows = Windows(oh, h, k.H, s.H, pad.H);
        var colsW = Windows(ow, w, k.W, s.W, pad.W);
        var xd = x.Data;
        var y = new float[planes * oh * ow];
        Parallelism.For(planes, (long)oh * ow * k.H * k.W, pl =>
        {
            int inBase = pl * h * w, outBase = pl * oh * ow;
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                {
                    var (y0, y1, py) = rows[i];
                    var (x0, x1, px) = colsW[j];
                    float sum = 0;
                    for (int a = y0; a < y1; a++)
                        for (int b = x0; b < x1; b++) sum += xd[inBase + a * w + b];
                    int div = countIncludePad ? py * px : (y1 - y0) * (x1 - x0);
                    y[outBase + i * ow + j] = sum / div;
                }
        });
        var result = new Tensor(y, [.. lead, oh, ow]);
        if (!Engine.NeedsGrad(x)) return result;
        return Engine.Record(op, result, [x], g =>
        {
            var gd = g.Data;
            var dx = new float[xd.Length];
            Parallelism.For(planes, (long)oh * ow * k.H * k.W, pl =>
            {
                int inBase = pl * h * w, outBase = pl * oh * ow;
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++)
                    {
                        var (y0, y1, py) = rows[i];
                        var (x0, x1, px) = colsW[j];
                        int div = countIncludePad ? py * px : (y1 - y0) * (x1 - x0);
                        float v = gd[outBase + i * ow + j] / div;
                        for (int a = y0; a < y1; a++)
                            for (int b = x0; b < x1; b++) dx[inBase + a * w + b] += v;
                    }
            });
            return [new Tensor(dx, x.shape)];
        });
    }

    /// <summary>Per output index: clipped [start, end) and the padded window length PyTorch divides by.</summary>
    private static (int Start, int End, int Padded)[] Windows(int outSize, int size, int kernel, int stride, int pad)
    {
        var win = new (int, int, int)[outSize];
        for (int i = 0; i < outSize; i++)
        {
            int start = i * stride - pad;
            int end = Math.Min(start + kernel, size + pad);
            int padded = end - start;
            win[i] = (Math.Max(start, 0), Math.Min(end, size), padded);
        }
        return win;
    }

    public static Tensor AdaptiveAvgPool2d(Tensor x, int outH, int outW)
    {
        const string op = "adaptive_avg_pool2d";
        var (planes, h, w, lead) = Planes(x, op);
        if (outH <= 0 || outW <= 0) throw new ArgumentException($"{op}: output size must be positive, got ({outH}, {outW}).");
        var rows = new (int, int)[outH];
        for (int i = 0; i < outH; i++) rows[i] = (i * h / outH, ((i + 1) * h + outH - 1) / outH);
        var colsW = new (int, int)[outW];
        for (int j = 0; j < outW; j++) colsW[j] = (j * w / outW, ((j + 1) * w + outW - 1) / outW);
        var xd = x.Data;
        var y = new float[planes * outH * outW];
        Parallelism.For(planes, (long)h * w, pl =>
        {
            int inBase = pl * h * w, outBase = pl * outH * outW;
            for (int i = 0; i < outH; i++)
                for (int j = 0; j < outW; j++)
                {
                    var (y0, y1) = rows[i];
                    var (x0, x1) = colsW[j];
                    float sum = 0;
                    for (int a = y0; a < y1; a++)
                        for (int b = x0; b < x1; b++) sum += xd[inBase + a * w + b];
                    y[outBase + i * outW + j] = sum / ((y1 - y0) * (x1 - x0));
                }
        });
        var result = new Tensor(y, [.. lead, outH, outW]);
        if (!Engine.NeedsGrad(x)) return result;
        return Engine.Record(op, result, [x], g =>
        {
            var gd = g.Data;
            var dx = new float[xd.Length];
            Parallelism.For(planes, (long)h * w, pl =>
            {
                int inBase = pl * h * w, outBase = pl * outH * outW;
                for (int i = 0; i < outH; i++)
                    for (int j = 0; j < outW; j++)
                    {
                        var (y0, y1) = rows[i];
                        var (x0, x1) = colsW[j];
                        float v = gd[outBase + i * outW + j] / ((y1 - y0) * (x1 - x0));
                        for (int a = y0; a < y1; a++)
                            for (int b = x0; b < x1; b++) dx[inBase + a * w + b] += v;
                    }
            });
            return [new Tensor(dx, x.shape)];
        });
    }
}
