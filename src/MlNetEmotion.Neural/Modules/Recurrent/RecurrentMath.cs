using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>The projections shared by the fused LSTM and GRU kernels.</summary>
internal static class RecurrentMath
{
    /// <summary><c>out[rows, G] = x[rows, I] · Wᵀ + b1 + b2</c> (one GEMM for every step at once).</summary>
    public static void ProjectInputs(ReadOnlySpan<float> x, int rows, int inputSize, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias1, ReadOnlySpan<float> bias2, int gates, Span<float> output)
    {
        Gemm.Sgemm(false, true, rows, gates, inputSize, 1f, x, inputSize, weight, inputSize, 0f, output, gates);
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = output.Slice(r * gates, gates);
            if (!bias1.IsEmpty)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(row, bias1, row);
            }

            if (!bias2.IsEmpty)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(row, bias2, row);
            }
        }
    }

    /// <summary>
    /// Weight and input gradients of <c>y = x · Wᵀ + b</c> given <c>dy[rows, G]</c>:
    /// <c>dW += dyᵀ · x</c>, <c>db += Σ rows dy</c> (added to the destinations, so a parameter's existing gradient
    /// can be the destination), <c>dx = dy · W</c> (overwritten).
    /// </summary>
    public static void ProjectBackward(ReadOnlySpan<float> dy, int rows, int gates, ReadOnlySpan<float> x, int inputSize,
        ReadOnlySpan<float> weight, Span<float> dWeight, Span<float> dBias, Span<float> dx)
    {
        Gemm.Sgemm(true, false, gates, inputSize, rows, 1f, dy, gates, x, inputSize, 1f, dWeight, inputSize);
        if (!dx.IsEmpty)
        {
            Gemm.Sgemm(false, false, rows, inputSize, gates, 1f, dy, gates, weight, inputSize, 0f, dx, inputSize);
        }

        for (int r = 0; r < rows; r++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(dBias, dy.Slice(r * gates, gates), dBias);
        }
    }
}
