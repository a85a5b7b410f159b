using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Fused forward and backward of one GRU layer over a whole sequence (PyTorch gate order r, z, n):
/// <c>r = σ(W_ir x + b_ir + W_hr h + b_hr)</c>, <c>z = σ(…)</c>, <c>n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</c>,
/// <c>h' = (1 − z) ⊙ n + z ⊙ h</c>. One GEMM projects every step's input; one GEMM per step for the recurrence.
/// </summary>
internal static class GruKernel
{
    /// <summary>Buffers the forward pass keeps for the backward pass.</summary>
    /// <param name="Gates">Activated r, z, n <c>[rows, 3H]</c>.</param>
    /// <param name="HiddenN">The recurrent part of n before the reset gate, <c>W_hn h + b_hn</c>, <c>[rows, H]</c>.</param>
    /// <remarks>The arrays are rented from <see cref="ArrayPool{T}.Shared"/> (they may be longer than needed) and go
    /// back to it on <see cref="Dispose"/>.</remarks>
    public sealed record Tape(float[] Gates, float[] HiddenN) : IDisposable
    {
        /// <summary>Returns the buffers to the pool; the tape must not be read afterwards.</summary>
        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(Gates);
            ArrayPool<float>.Shared.Return(HiddenN);
        }
    }

    /// <summary>Runs the layer forward; <paramref name="y"/> receives the hidden state of every row.</summary>
    public static Tape Forward(SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x,
        ReadOnlySpan<float> h0, ReadOnlySpan<float> wIh, ReadOnlySpan<float> wHh,
        ReadOnlySpan<float> bIh, ReadOnlySpan<float> bHh, Span<float> y)
    {
        int rows = layout.Rows, g3 = 3 * hidden, batch = layout.Batch;
        var pool = ArrayPool<float>.Shared;
        var tape = new Tape(pool.Rent(rows * g3), pool.Rent(rows * hidden));
        Span<float> gates = tape.Gates, hiddenN = tape.HiddenN;
        var hProj = pool.Rent(batch * g3);
        RecurrentMath.ProjectInputs(x, rows, inputSize, wIh, bIh, default, g3, gates);
        for (int t = 0; t < layout.Steps; t++)
        {
            ReadOnlySpan<float> hPrevAll = t == 0 ? h0 : y.Slice(layout.Row(0, t - 1) * hidden);
            int ldh = t == 0 ? hidden : layout.BatchStride * hidden;
            Gemm.Sgemm(false, true, batch, g3, hidden, 1f, hPrevAll, ldh, wHh, hidden, 0f, hProj, g3);
            for (int b = 0; b < batch; b++)
            {
                int r = layout.Row(b, t);
                Span<float> gate = gates.Slice(r * g3, g3), hp = hProj.AsSpan(b * g3, g3);
                if (!bHh.IsEmpty) TensorPrimitives.Add(hp, bHh, hp);
                Span<float> rz = gate[..(2 * hidden)], n = gate.Slice(2 * hidden, hidden);
                TensorPrimitives.Add(rz, hp[..(2 * hidden)], rz);
                TensorPrimitives.Sigmoid(rz, rz);
                Span<float> hn = hiddenN.Slice(r * hidden, hidden);
                hp.Slice(2 * hidden, hidden).CopyTo(hn);
                TensorPrimitives.FusedMultiplyAdd(rz[..hidden], hn, n, n);
                TensorPrimitives.Tanh(n, n);
                ReadOnlySpan<float> hPrev = t == 0 ? h0.Slice(b * hidden, hidden) : y.Slice(layout.Row(b, t - 1) * hidden, hidden);
                Span<float> h = y.Slice(r * hidden, hidden);
                ReadOnlySpan<float> z = rz.Slice(hidden, hidden);
                for (int j = 0; j < hidden; j++)
                {
                    h[j] = n[j] + z[j] * (hPrev[j] - n[j]);
                }
            }
        }

        pool.Return(hProj);
        return tape;
    }

    /// <summary>
    /// Backward of <see cref="Forward"/>. <paramref name="dy"/> and <paramref name="dhN"/> may be empty (zero);
    /// weight gradients are added to their destinations; <paramref name="dx"/> may be empty.
    /// </summary>
    public static void Backward(SequenceLayout layout, int inputSize, int hidden, Tape tape, ReadOnlySpan<float> x,
        ReadOnlySpan<float> h0, ReadOnlySpan<float> wIh, ReadOnlySpan<float> wHh, ReadOnlySpan<float> y,
        ReadOnlySpan<float> dy, ReadOnlySpan<float> dhN, Span<float> dx, Span<float> dh0,
        Span<float> dWIh, Span<float> dWHh, Span<float> dBIh, Span<float> dBHh)
    {
        int rows = layout.Rows, g3 = 3 * hidden, batch = layout.Batch;
        var pool = ArrayPool<float>.Shared;
        float[] gx = pool.Rent(rows * g3), gh = pool.Rent(rows * g3), hPrevRows = pool.Rent(rows * hidden), dhArray = pool.Rent(batch * hidden);
        Span<float> dh = dhArray.AsSpan(0, batch * hidden);
        if (!dhN.IsEmpty) dhN.CopyTo(dh); else dh.Clear();
        ReadOnlySpan<float> gates = tape.Gates, hiddenN = tape.HiddenN;
        for (int t = layout.Steps - 1; t >= 0; t--)
        {
            for (int b = 0; b < batch; b++)
            {
                int r = layout.Row(b, t);
                ReadOnlySpan<float> gate = gates.Slice(r * g3, g3), hn = hiddenN.Slice(r * hidden, hidden);
                ReadOnlySpan<float> hPrev = t == 0 ? h0.Slice(b * hidden, hidden) : y.Slice(layout.Row(b, t - 1) * hidden, hidden);
                ReadOnlySpan<float> dyRow = dy.IsEmpty ? default : dy.Slice(r * hidden, hidden);
                Span<float> gxRow = gx.AsSpan(r * g3, g3), ghRow = gh.AsSpan(r * g3, g3), dhb = dh.Slice(b * hidden, hidden);
                for (int j = 0; j < hidden; j++)
                {
                    float rv = gate[j], z = gate[hidden + j], n = gate[2 * hidden + j];
                    float dhv = dyRow.IsEmpty ? dhb[j] : dhb[j] + dyRow[j];
                    float dzn = dhv * (1f - z) * (1f - n * n);
                    float dzr = dzn * hn[j] * rv * (1f - rv);
                    float dzz = dhv * (hPrev[j] - n) * z * (1f - z);
                    gxRow[j] = ghRow[j] = dzr;
                    gxRow[hidden + j] = ghRow[hidden + j] = dzz;
                    gxRow[2 * hidden + j] = dzn;
                    ghRow[2 * hidden + j] = dzn * rv;
                    dhb[j] = dhv * z;
                }
            }

            Gemm.Sgemm(false, false, batch, hidden, g3, 1f, gh.AsSpan(layout.Row(0, t) * g3), layout.BatchStride * g3,
                wHh, hidden, 1f, dh, hidden);
        }

        if (!dh0.IsEmpty) dh.CopyTo(dh0);
        layout.GatherPrevious(h0, y, hidden, hPrevRows);
        RecurrentMath.ProjectBackward(gh, rows, g3, hPrevRows, hidden, wHh, dWHh, dBHh, default);
        RecurrentMath.ProjectBackward(gx, rows, g3, x, inputSize, wIh, dWIh, dBIh, dx);
        pool.Return(gx);
        pool.Return(gh);
        pool.Return(hPrevRows);
        pool.Return(dhArray);
    }
}
