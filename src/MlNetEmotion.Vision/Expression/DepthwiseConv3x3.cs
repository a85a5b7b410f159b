using System.Buffers;
using System.Numerics.Tensors;
using Tensor = MlNetEmotion.Neural.Tensor;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Vision.Expression;

/// <summary>Direct 3×3 depthwise convolution, stride 1, zero padding 1 (TF "same"), the network's most frequent layer:
/// the engine's grouped <c>conv2d</c> runs one tiny GEMM per channel, this kernel does nine vector multiply-adds per
/// channel plane instead. Each plane is copied into a zero-bordered (H+2)×(W+2) buffer; in that layout tap (ki, kj)
/// of output i is input i + ki·(W+2) + kj, so a whole plane is nine <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>
/// calls over H·(W+2) − 2 values (the two extra columns per row are discarded). Differentiable (backward: the same
/// kernel with the filter rotated 180° for the input, nine dot products per plane for the filter). Planes run in
/// parallel through <see cref="Threading.For"/>; every value is computed in a fixed order, so results do not depend
/// on the thread count.</summary>
internal static class DepthwiseConv3x3
{
    /// <summary><paramref name="input"/> [N, C, H, W] ⋆ <paramref name="weight"/> [C, 1, 3, 3] → [N, C, H, W].</summary>
    public static Tensor Forward(Tensor input, Tensor weight)
    {
        if (input.ndim != 4 || weight.ndim != 4 || weight.size(0) != input.size(1) || weight.size(1) != 1 || weight.size(2) != 3 || weight.size(3) != 3)
            throw new ShapeMismatchException("depthwise_conv3x3", input.shape, weight.shape, "expected input [N, C, H, W] and weight [C, 1, 3, 3]");
        return torch.autograd.apply("depthwise_conv3x3", [input, weight],
            () => Convolve(input, weight, flip: false),
            grad => [input.requires_grad ? Convolve(grad, weight, flip: true) : null,
                     weight.requires_grad ? FilterGradient(input, grad) : null]);
    }

    /// <summary>Output planes; <paramref name="flip"/> rotates each 3×3 filter by 180° (the input gradient).</summary>
    private static unsafe Tensor Convolve(Tensor input, Tensor weight, bool flip)
    {
        var geo = new PlaneGeometry((int)input.size(2), (int)input.size(3));
        int planes = (int)(input.size(0) * input.size(1)), channels = (int)input.size(1);
        var output = torch.empty(input.shape);
        fixed (float* px = input.AsSpan(), pk = weight.AsSpan(), py = output.AsSpan())
        {
            // Addresses (not spans) cross into the parallel body; the arrays stay pinned until For returns.
            nint x = (nint)px, taps = (nint)pk, y = (nint)py;
            Threading.For(planes, plane =>
            {
                var padded = ArrayPool<float>.Shared.Rent(geo.PaddedLength);
                var sums = ArrayPool<float>.Shared.Rent(geo.SpanLength);
                geo.Pad(new ReadOnlySpan<float>((float*)x + (long)plane * geo.Plane, geo.Plane), padded);
                var k = new ReadOnlySpan<float>((float*)taps + plane % channels * 9, 9);
                var acc = sums.AsSpan(0, geo.SpanLength);
                for (int t = 0; t < 9; t++)
                {
                    float tap = flip ? k[8 - t] : k[t];
                    var source = padded.AsSpan(geo.Offset(t), geo.SpanLength);
                    if (t == 0) TensorPrimitives.Multiply(source, tap, acc);
                    else TensorPrimitives.MultiplyAdd(source, tap, acc, acc);
                }
                geo.Unpad(acc, new Span<float>((float*)y + (long)plane * geo.Plane, geo.Plane));
                ArrayPool<float>.Shared.Return(padded);
                ArrayPool<float>.Shared.Return(sums);
            });
        }
        return output;
    }

    /// <summary>dL/dweight [C, 1, 3, 3]: per channel, tap t sums gradient · shifted input over the batch in order.</summary>
    private static unsafe Tensor FilterGradient(Tensor input, Tensor grad)
    {
        var geo = new PlaneGeometry((int)input.size(2), (int)input.size(3));
        int n = (int)input.size(0), channels = (int)input.size(1);
        var dw = new float[channels * 9];
        fixed (float* px = input.AsSpan(), pg = grad.AsSpan())
        {
            nint x = (nint)px, g = (nint)pg;
            Threading.For(channels, c =>
            {
                var padded = ArrayPool<float>.Shared.Rent(geo.PaddedLength);
                var spread = ArrayPool<float>.Shared.Rent(geo.SpanLength);
                var gradSpan = spread.AsSpan(0, geo.SpanLength);
                for (int b = 0; b < n; b++)
                {
                    long plane = ((long)b * channels + c) * geo.Plane;
                    geo.Pad(new ReadOnlySpan<float>((float*)x + plane, geo.Plane), padded);
                    geo.Spread(new ReadOnlySpan<float>((float*)g + plane, geo.Plane), gradSpan);
                    for (int t = 0; t < 9; t++)
                        dw[c * 9 + t] += TensorPrimitives.Dot(gradSpan, padded.AsSpan(geo.Offset(t), geo.SpanLength));
                }
                ArrayPool<float>.Shared.Return(padded);
                ArrayPool<float>.Shared.Return(spread);
            });
        }
        return torch.tensor(dw, channels, 1, 3, 3);
    }

    /// <summary>Index arithmetic of one H×W plane in the zero-bordered layout of row stride W + 2.</summary>
    private readonly record struct PlaneGeometry(int Height, int Width)
    {
        private int Stride => Width + 2;

        public int Plane => Height * Width;

        public int PaddedLength => (Height + 2) * Stride;

        /// <summary>Outputs computed per plane: every row at stride W + 2, less the last row's two spare columns.</summary>
        public int SpanLength => Height * Stride - 2;

        /// <summary>Start of tap t = 3·ki + kj in the padded plane.</summary>
        public int Offset(int t) => t / 3 * Stride + t % 3;

        /// <summary>Copies the plane inside a zero border.</summary>
        public void Pad(ReadOnlySpan<float> plane, float[] padded)
        {
            padded.AsSpan(0, PaddedLength).Clear();
            for (int r = 0; r < Height; r++) plane.Slice(r * Width, Width).CopyTo(padded.AsSpan((r + 1) * Stride + 1, Width));
        }

        /// <summary>Lays the plane out at row stride W + 2 with zeros in the spare columns.</summary>
        public void Spread(ReadOnlySpan<float> plane, Span<float> spread)
        {
            spread.Clear();
            for (int r = 0; r < Height; r++) plane.Slice(r * Width, Width).CopyTo(spread.Slice(r * Stride, Width));
        }

        /// <summary>Drops the spare columns.</summary>
        public void Unpad(ReadOnlySpan<float> spread, Span<float> plane)
        {
            for (int r = 0; r < Height; r++) spread.Slice(r * Stride, Width).CopyTo(plane.Slice(r * Width, Width));
        }
    }
}
