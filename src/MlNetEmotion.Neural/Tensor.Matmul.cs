using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    /// <summary>Matrix product with PyTorch's <c>matmul</c> rules: 1-D operands are promoted, batch dims broadcast.</summary>
    public Tensor matmul(Tensor other)
    {
        if (ndim == 0 || other.ndim == 0)
            throw new ShapeMismatchException("matmul", Dims, other.Dims, "both operands need at least one dimension");
        if (ndim == 1 && other.ndim == 1)
        {
            if (Dims[0] != other.Dims[0]) throw new ShapeMismatchException("matmul", Dims, other.Dims, "vector lengths differ");
            return mul(other).sum();
        }
        if (ndim == 1) return unsqueeze(0).matmul(other).squeeze(-2);
        if (other.ndim == 1) return matmul(other.unsqueeze(-1)).squeeze(-1);
        if (Dims[^1] != other.Dims[^2])
            throw new ShapeMismatchException("matmul", Dims, other.Dims, $"inner dimensions differ ({Dims[^1]} vs {other.Dims[^2]})");

        var a = this;
        var b = other;
        var y = MatmulKernels.Batched(a, false, b, false, "matmul");
        if (!Engine.NeedsGrad(a, b)) return y;
        return Engine.Record("matmul", y, [a, b], g =>
        {
            Tensor? ga = null, gb = null;
            if (a.requires_grad) ga = MatmulKernels.Batched(g, false, b, true, "matmul backward").SumTo(a.Dims);
            if (b.requires_grad)
            {
                if (b.ndim == 2 && a.ndim > 2)
                {
                    var a2 = a.reshape(-1, a.Dims[^1]);
                    var g2 = g.reshape(-1, g.Dims[^1]);
                    gb = MatmulKernels.Batched(a2, true, g2, false, "matmul backward");
                }
                else gb = MatmulKernels.Batched(a, true, g, false, "matmul backward").SumTo(b.Dims);
            }
            return [ga, gb];
        });
    }

    /// <summary>Batched matrix product of two 3-D tensors [B, m, k] × [B, k, n] (<c>torch.bmm</c>).</summary>
    public Tensor bmm(Tensor other)
    {
        if (ndim != 3 || other.ndim != 3 || Dims[0] != other.Dims[0])
            throw new ShapeMismatchException("bmm", Dims, other.Dims, "expected [B, m, k] and [B, k, n]");
        return matmul(other);
    }

    /// <summary>2-D matrix product (<c>torch.mm</c>).</summary>
    public Tensor mm(Tensor other)
    {
        if (ndim != 2 || other.ndim != 2) throw new ShapeMismatchException("mm", Dims, other.Dims, "expected two 2-D tensors");
        return matmul(other);
    }
}

/// <summary>Batched GEMM over broadcast batch dims, every product through <see cref="Gemm.Sgemm"/>.</summary>
internal static class MatmulKernels
{
    /// <summary>op(a) × op(b) for a [..., r, c] and b [..., r, c], where op transposes the last two dims when asked.</summary>
    public static Tensor Batched(Tensor a, bool ta, Tensor b, bool tb, string op)
    {
        int ar = (int)a.Dims[^2], ac = (int)a.Dims[^1], br = (int)b.Dims[^2], bc = (int)b.Dims[^1];
        int m = ta ? ac : ar, k = ta ? ar : ac, kb = tb ? bc : br, n = tb ? br : bc;
        if (k != kb) throw new ShapeMismatchException(op, a.Dims, b.Dims, $"inner dimensions differ ({k} vs {kb})");
        var aBatch = a.Dims[..^2];
        var bBatch = b.Dims[..^2];
        var batch = Shapes.Broadcast(aBatch, bBatch, op);
        var outShape = new long[batch.Length + 2];
        batch.CopyTo(outShape, 0);
        outShape[^2] = m;
        outShape[^1] = n;
        var y = new float[Shapes.CheckedNumel(outShape, op)];
        var ad = a.Data;
        var bd = b.Data;
        if (bBatch.Length == 0 && !ta)
        {
            // [..., m, k] × [k, n]: one GEMM with all batch rows stacked.
            int rows = (int)(Shapes.Numel(aBatch) * ar);
            Gemm.Sgemm(false, tb, rows, n, k, 1f, ad, ac, bd, bc, 0f, y, n);
            return new Tensor(y, outShape);
        }
        int count = Shapes.Prod(batch, 0, batch.Length);
        var aStr = Shapes.BroadcastStrides(aBatch, batch);
        var bStr = Shapes.BroadcastStrides(bBatch, batch);
        int aMat = ar * ac, bMat = br * bc, yMat = m * n;
        Parallelism.For(count, (long)m * n * k, i =>
        {
            long offA = 0, offB = 0, rem = i;
            for (int d = batch.Length - 1; d >= 0; d--)
            {
                long ix = rem % batch[d];
                rem /= batch[d];
                offA += ix * aStr[d];
                offB += ix * bStr[d];
            }
            Gemm.Sgemm(ta, tb, m, n, k, 1f, ad.AsSpan((int)(offA * aMat), aMat), ac, bd.AsSpan((int)(offB * bMat), bMat), bc, 0f, y.AsSpan(i * yMat, yMat), n);
        });
        return new Tensor(y, outShape);
    }
}
