using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Kernels;
using Tensor = MlNetEmotion.Neural.Tensor;

namespace MlNetEmotion.Vision.Expression;

/// <summary>Direct 3×3 depthwise convolution with TensorFlow's "same" padding, stride 1 or 2 — 16 of the network's
/// layers. The engine's grouped <c>conv2d</c> runs one tiny GEMM per channel; this kernel does nine vector
/// multiply-adds per channel plane instead. Each zero-padded plane is split into stride² polyphase planes (for stride
/// 2: even/odd rows × even/odd columns) sharing one row stride S, so that output (oy, ox), kept at index oy·S + ox, reads
/// tap (ki, kj) at a fixed offset (ki / stride)·S + kj / stride of phase (ki mod stride, kj mod stride): a whole plane is
/// nine <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/> calls.
/// The backward pass is the adjoint of the same shifted multiply-adds (input gradient) and nine dot products per plane
/// (filter gradient). Planes run in parallel through <see cref="Threading.For"/>; every value is summed in a fixed
/// order, so results do not depend on the thread count.</summary>
internal static class DepthwiseConv3x3
{
    /// <summary><paramref name="input"/> [N, C, H, W] ⋆ <paramref name="weight"/> [C, 1, 3, 3] →
    /// [N, C, ⌈H/stride⌉, ⌈W/stride⌉], as <c>tf.depthwiseConv2d(x, w, stride, 'same')</c>.</summary>
    public static Tensor Forward(Tensor input, Tensor weight, int stride)
    {
        if (input.ndim != 4 || weight.ndim != 4 || weight.size(0) != input.size(1) || weight.size(1) != 1 || weight.size(2) != 3 || weight.size(3) != 3)
            throw new ShapeMismatchException("depthwise_conv3x3", input.shape, weight.shape, "expected input [N, C, H, W] and weight [C, 1, 3, 3]");
        if (stride is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(stride), stride, "depthwise_conv3x3: stride must be 1 or 2.");
        var geo = new Geometry((int)input.size(2), (int)input.size(3), stride);
        return torch.autograd.apply("depthwise_conv3x3", [input, weight],
            () => Convolve(input, weight, geo),
            grad => [input.requires_grad ? InputGradient(grad, weight, geo, input.shape) : null,
                     weight.requires_grad ? FilterGradient(input, grad, geo) : null]);
    }

    private static unsafe Tensor Convolve(Tensor input, Tensor weight, Geometry geo)
    {
        int channels = (int)input.size(1), planes = (int)input.size(0) * channels;
        var output = torch.empty(input.size(0), channels, geo.OutHeight, geo.OutWidth);
        fixed (float* px = input.AsSpan(), pk = weight.AsSpan(), py = output.AsSpan())
        {
            // Addresses (not spans) cross into the parallel body; the arrays stay pinned until For returns.
            nint x = (nint)px, taps = (nint)pk, y = (nint)py;
            // Chunks of consecutive planes share one pair of buffers (the padding stays zero between planes); each
            // plane's result does not depend on the chunking.
            int chunk = Math.Max(1, (planes + 4 * Threading.NumThreads - 1) / (4 * Threading.NumThreads));
            Threading.For((planes + chunk - 1) / chunk, part =>
            {
                var phases = ArrayPool<float>.Shared.Rent(geo.PhasesLength);
                var sums = ArrayPool<float>.Shared.Rent(geo.SpanLength);
                phases.AsSpan(0, geo.PhasesLength).Clear();
                var acc = sums.AsSpan(0, geo.SpanLength);
                for (int plane = part * chunk; plane < Math.Min(planes, (part + 1) * chunk); plane++)
                {
                    geo.Decompose(new ReadOnlySpan<float>((float*)x + (long)plane * geo.InPlane, geo.InPlane), phases);
                    var k = new ReadOnlySpan<float>((float*)taps + plane % channels * 9, 9);
                    for (int t = 0; t < 9; t++)
                    {
                        var source = phases.AsSpan(geo.TapStart(t), geo.SpanLength);
                        if (t == 0) TensorPrimitives.Multiply(source, k[t], acc);
                        else TensorPrimitives.MultiplyAdd(source, k[t], acc, acc);
                    }
                    geo.Compact(acc, new Span<float>((float*)y + (long)plane * geo.OutPlane, geo.OutPlane));
                }
                ArrayPool<float>.Shared.Return(phases);
                ArrayPool<float>.Shared.Return(sums);
            });
        }
        return output;
    }

    /// <summary>dL/dinput: each tap's shifted multiply-add transposed, then the phases folded back into the plane.</summary>
    private static unsafe Tensor InputGradient(Tensor grad, Tensor weight, Geometry geo, long[] inputShape)
    {
        int channels = (int)inputShape[1], planes = (int)inputShape[0] * channels;
        var dx = torch.empty(inputShape);
        fixed (float* pg = grad.AsSpan(), pk = weight.AsSpan(), pdx = dx.AsSpan())
        {
            nint g = (nint)pg, taps = (nint)pk, d = (nint)pdx;
            Threading.For(planes, plane =>
            {
                var phases = ArrayPool<float>.Shared.Rent(geo.PhasesLength);
                var spread = ArrayPool<float>.Shared.Rent(geo.SpanLength);
                var dPhases = phases.AsSpan(0, geo.PhasesLength);
                dPhases.Clear();
                var dy = spread.AsSpan(0, geo.SpanLength);
                geo.Spread(new ReadOnlySpan<float>((float*)g + (long)plane * geo.OutPlane, geo.OutPlane), dy);
                var k = new ReadOnlySpan<float>((float*)taps + plane % channels * 9, 9);
                for (int t = 0; t < 9; t++)
                {
                    var target = dPhases.Slice(geo.TapStart(t), geo.SpanLength);
                    TensorPrimitives.MultiplyAdd(dy, k[t], target, target);
                }
                geo.Compose(dPhases, new Span<float>((float*)d + (long)plane * geo.InPlane, geo.InPlane));
                ArrayPool<float>.Shared.Return(phases);
                ArrayPool<float>.Shared.Return(spread);
            });
        }
        return dx;
    }

    /// <summary>dL/dweight [C, 1, 3, 3]: per channel, tap t sums gradient · shifted input over the batch in order.</summary>
    private static unsafe Tensor FilterGradient(Tensor input, Tensor grad, Geometry geo)
    {
        int n = (int)input.size(0), channels = (int)input.size(1);
        var dw = new float[channels * 9];
        fixed (float* px = input.AsSpan(), pg = grad.AsSpan())
        {
            nint x = (nint)px, g = (nint)pg;
            Threading.For(channels, c =>
            {
                var phases = ArrayPool<float>.Shared.Rent(geo.PhasesLength);
                var spread = ArrayPool<float>.Shared.Rent(geo.SpanLength);
                var dy = spread.AsSpan(0, geo.SpanLength);
                phases.AsSpan(0, geo.PhasesLength).Clear();
                for (int b = 0; b < n; b++)
                {
                    long plane = (long)b * channels + c;
                    geo.Decompose(new ReadOnlySpan<float>((float*)x + plane * geo.InPlane, geo.InPlane), phases);
                    geo.Spread(new ReadOnlySpan<float>((float*)g + plane * geo.OutPlane, geo.OutPlane), dy);
                    for (int t = 0; t < 9; t++)
                        dw[c * 9 + t] += TensorPrimitives.Dot(dy, phases.AsSpan(geo.TapStart(t), geo.SpanLength));
                }
                ArrayPool<float>.Shared.Return(phases);
                ArrayPool<float>.Shared.Return(spread);
            });
        }
        return torch.tensor(dw, channels, 1, 3, 3);
    }

    /// <summary>Index arithmetic of one H×W plane: TF "same" padding (the odd one after), the stride² polyphase planes
    /// of the padded plane (row stride <see cref="RowStride"/>, one after another) and the output kept at that stride.</summary>
    private readonly record struct Geometry(int Height, int Width, int Stride)
    {
        public int OutHeight => (Height + Stride - 1) / Stride;

        public int OutWidth => (Width + Stride - 1) / Stride;

        public int InPlane => Height * Width;

        public int OutPlane => OutHeight * OutWidth;

        private int PadTop => Math.Max((OutHeight - 1) * Stride + 3 - Height, 0) / 2;

        private int PadLeft => Math.Max((OutWidth - 1) * Stride + 3 - Width, 0) / 2;

        /// <summary>Row stride of every phase plane and of the output: ⌈(W + padding) / stride⌉, at least the widest tap reach.</summary>
        private int RowStride => OutWidth + 2 / Stride;

        /// <summary>Rows of a phase plane: enough for the lowest tap of the last output row.</summary>
        private int PhaseRows => OutHeight + 2 / Stride;

        private int PhaseLength => PhaseRows * RowStride;

        public int PhasesLength => Stride * Stride * PhaseLength;

        /// <summary>Outputs computed per plane: every row at <see cref="RowStride"/>, the last one only up to its end.</summary>
        public int SpanLength => (OutHeight - 1) * RowStride + OutWidth;

        /// <summary>Where tap t = 3·ki + kj of output 0 lies in the phase planes.</summary>
        public int TapStart(int t)
        {
            int ki = t / 3, kj = t % 3;
            return (ki % Stride * Stride + kj % Stride) * PhaseLength + ki / Stride * RowStride + kj / Stride;
        }

        /// <summary>Index in the phase planes of input pixel (y, x).</summary>
        private int PhaseIndex(int y, int x)
        {
            int py = y + PadTop, px = x + PadLeft;
            return (py % Stride * Stride + px % Stride) * PhaseLength + py / Stride * RowStride + px / Stride;
        }

        /// <summary>Plane → phase planes; writes only the pixel positions, so the padding must already be zero.</summary>
        public void Decompose(ReadOnlySpan<float> plane, float[] phases)
        {
            for (int y = 0; y < Height; y++)
            {
                var row = plane.Slice(y * Width, Width);
                if (Stride == 1)
                {
                    row.CopyTo(phases.AsSpan(PhaseIndex(y, 0), Width));
                    continue;
                }
                // Columns of one parity are consecutive in their phase row.
                for (int x0 = 0; x0 < Math.Min(Stride, Width); x0++)
                    for (int x = x0, i = PhaseIndex(y, x0); x < Width; x += Stride, i++) phases[i] = row[x];
            }
        }

        /// <summary>The adjoint of <see cref="Decompose"/>: phase values at the input pixels (padding dropped).</summary>
        public void Compose(ReadOnlySpan<float> phases, Span<float> plane)
        {
            for (int y = 0; y < Height; y++)
            {
                var row = plane.Slice(y * Width, Width);
                if (Stride == 1)
                {
                    phases.Slice(PhaseIndex(y, 0), Width).CopyTo(row);
                    continue;
                }
                for (int x0 = 0; x0 < Math.Min(Stride, Width); x0++)
                    for (int x = x0, i = PhaseIndex(y, x0); x < Width; x += Stride, i++) row[x] = phases[i];
            }
        }

        /// <summary>An output plane laid out at <see cref="RowStride"/> with zeros in the spare columns.</summary>
        public void Spread(ReadOnlySpan<float> plane, Span<float> spread)
        {
            spread.Clear();
            for (int r = 0; r < OutHeight; r++) plane.Slice(r * OutWidth, OutWidth).CopyTo(spread.Slice(r * RowStride, OutWidth));
        }

        /// <summary>Drops the spare columns.</summary>
        public void Compact(ReadOnlySpan<float> spread, Span<float> plane)
        {
            for (int r = 0; r < OutHeight; r++) spread.Slice(r * RowStride, OutWidth).CopyTo(plane.Slice(r * OutWidth, OutWidth));
        }
    }
}
