using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Fused forward and backward of one LSTM layer over a whole sequence (PyTorch gate order i, f, g, o):
/// <c>i = σ(W_ii x + b_ii + W_hi h + b_hi)</c>, <c>f = σ(…)</c>, <c>g = tanh(…)</c>, <c>o = σ(…)</c>,
/// <c>c' = f ⊙ c + i ⊙ g</c>, <c>h' = o ⊙ tanh(c')</c>.
/// The input projection of every step is one GEMM; each step adds one <c>[B, H] · W_hhᵀ</c> GEMM; the
/// backward pass does one GEMM per step and three for the weights and inputs.
/// </summary>
internal static class LstmKernel
{
    /// <summary>Buffers the forward pass keeps for the backward pass.</summary>
    /// <param name="Gates">Activated gates <c>[rows, 4H]</c> (i, f, g, o).</param>
    /// <param name="Cells">Cell state after each step <c>[rows, H]</c>.</param>
    /// <param name="TanhCells"><c>tanh</c> of <see cref="Cells"/>.</param>
    /// <remarks>The arrays are rented from <see cref="ArrayPool{T}.Shared"/> (they may be longer than needed) and go
    /// back to it on <see cref="Dispose"/>, so a training loop reuses them instead of allocating megabytes a step.</remarks>
    public sealed record Tape(float[] Gates, float[] Cells, float[] TanhCells) : IDisposable
    {
        /// <summary>Returns the buffers to the pool; the tape must not be read afterwards.</summary>
        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(Gates);
            ArrayPool<float>.Shared.Return(Cells);
            ArrayPool<float>.Shared.Return(TanhCells);
        }
    }

    /// <summary>Runs the layer forward; <paramref name="y"/> receives the hidden state of every row.</summary>
    public static Tape Forward(SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x,
        ReadOnlySpan<float> h0, ReadOnlySpan<float> c0, ReadOnlySpan<float> wIh, ReadOnlySpan<float> wHh,
        ReadOnlySpan<float> bIh, ReadOnlySpan<float> bHh, Span<float> y)
    {
        int rows = layout.Rows, g4 = 4 * hidden, batch = layout.Batch;
        var pool = ArrayPool<float>.Shared;
        var tape = new Tape(pool.Rent(rows * g4), pool.Rent(rows * hidden), pool.Rent(rows * hidden));
        Span<float> gates = tape.Gates, cells = tape.Cells, tanhCells = tape.TanhCells;
        RecurrentMath.ProjectInputs(x, rows, inputSize, wIh, bIh, bHh, g4, gates);
        for (int t = 0; t < layout.Steps; t++)
        {
            ReadOnlySpan<float> hPrev = t == 0 ? h0 : y.Slice(layout.Row(0, t - 1) * hidden);
            int ldh = t == 0 ? hidden : layout.BatchStride * hidden;
            Gemm.Sgemm(false, true, batch, g4, hidden, 1f, hPrev, ldh, wHh, hidden, 1f,
                gates.Slice(layout.Row(0, t) * g4), layout.BatchStride * g4);
            for (int b = 0; b < batch; b++)
            {
                int r = layout.Row(b, t);
                Span<float> gate = gates.Slice(r * g4, g4);
                TensorPrimitives.Sigmoid(gate[..(2 * hidden)], gate[..(2 * hidden)]);
                TensorPrimitives.Tanh(gate.Slice(2 * hidden, hidden), gate.Slice(2 * hidden, hidden));
                TensorPrimitives.Sigmoid(gate.Slice(3 * hidden, hidden), gate.Slice(3 * hidden, hidden));
                ReadOnlySpan<float> cPrev = t == 0 ? c0.Slice(b * hidden, hidden) : cells.Slice(layout.Row(b, t - 1) * hidden, hidden);
                Span<float> c = cells.Slice(r * hidden, hidden), tc = tanhCells.Slice(r * hidden, hidden);
                TensorPrimitives.Multiply(gate.Slice(hidden, hidden), cPrev, c);
                TensorPrimitives.FusedMultiplyAdd(gate[..hidden], gate.Slice(2 * hidden, hidden), c, c);
                TensorPrimitives.Tanh(c, tc);
                TensorPrimitives.Multiply(gate.Slice(3 * hidden, hidden), tc, y.Slice(r * hidden, hidden));
            }
        }

        return tape;
    }

    /// <summary>
    /// Backward of <see cref="Forward"/>. <paramref name="dy"/> (<c>[rows, H]</c>), <paramref name="dhN"/> and
    /// <paramref name="dcN"/> (<c>[B, H]</c>) may be empty (zero). Weight gradients are added to their destinations;
    /// <paramref name="dx"/> may be empty when the input needs no gradient.
    /// </summary>
    public static void Backward(SequenceLayout layout, int inputSize, int hidden, Tape tape, ReadOnlySpan<float> x,
        ReadOnlySpan<float> h0, ReadOnlySpan<float> c0, ReadOnlySpan<float> wIh, ReadOnlySpan<float> wHh,
        ReadOnlySpan<float> y, ReadOnlySpan<float> dy, ReadOnlySpan<float> dhN, ReadOnlySpan<float> dcN,
        Span<float> dx, Span<float> dh0, Span<float> dc0, Span<float> dWIh, Span<float> dWHh, Span<float> dBIh, Span<float> dBHh)
    {
        int rows = layout.Rows, g4 = 4 * hidden, batch = layout.Batch;
        var pool = ArrayPool<float>.Shared;
        float[] dz = pool.Rent(rows * g4), hPrev = pool.Rent(rows * hidden);
        float[] dhArray = pool.Rent(batch * hidden), dcArray = pool.Rent(batch * hidden);
        Span<float> dh = dhArray.AsSpan(0, batch * hidden), dc = dcArray.AsSpan(0, batch * hidden);
        if (!dhN.IsEmpty) dhN.CopyTo(dh); else dh.Clear();
        if (!dcN.IsEmpty) dcN.CopyTo(dc); else dc.Clear();
        ReadOnlySpan<float> gates = tape.Gates, cells = tape.Cells, tanhCells = tape.TanhCells;
        for (int t = layout.Steps - 1; t >= 0; t--)
        {
            for (int b = 0; b < batch; b++)
            {
                int r = layout.Row(b, t);
                ReadOnlySpan<float> gate = gates.Slice(r * g4, g4), tc = tanhCells.Slice(r * hidden, hidden);
                ReadOnlySpan<float> cPrev = t == 0 ? c0.Slice(b * hidden, hidden) : cells.Slice(layout.Row(b, t - 1) * hidden, hidden);
                ReadOnlySpan<float> dyRow = dy.IsEmpty ? default : dy.Slice(r * hidden, hidden);
                Span<float> dzRow = dz.AsSpan(r * g4, g4), dhb = dh.Slice(b * hidden, hidden), dcb = dc.Slice(b * hidden, hidden);
                for (int j = 0; j < hidden; j++)
                {
                    float i = gate[j], f = gate[hidden + j], g = gate[2 * hidden + j], o = gate[3 * hidden + j];
                    float dhv = dyRow.IsEmpty ? dhb[j] : dhb[j] + dyRow[j];
                    float tcv = tc[j];
                    float dct = dcb[j] + dhv * o * (1f - tcv * tcv);
                    dzRow[j] = dct * g * i * (1f - i);
                    dzRow[hidden + j] = dct * cPrev[j] * f * (1f - f);
                    dzRow[2 * hidden + j] = dct * i * (1f - g * g);
                    dzRow[3 * hidden + j] = dhv * tcv * o * (1f - o);
                    dcb[j] = dct * f;
                }
            }

            Gemm.Sgemm(false, false, batch, hidden, g4, 1f, dz.AsSpan(layout.Row(0, t) * g4), layout.BatchStride * g4,
                wHh, hidden, 0f, dh, hidden);
        }

        if (!dh0.IsEmpty) dh.CopyTo(dh0);
        if (!dc0.IsEmpty) dc.CopyTo(dc0);
        layout.GatherPrevious(h0, y, hidden, hPrev);
        RecurrentMath.ProjectBackward(dz, rows, g4, hPrev, hidden, wHh, dWHh, dBHh, default);
        RecurrentMath.ProjectBackward(dz, rows, g4, x, inputSize, wIh, dWIh, dBIh, dx);
        pool.Return(dz);
        pool.Return(hPrev);
        pool.Return(dhArray);
        pool.Return(dcArray);
    }
}
