using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    /// <summary>Sum of all elements (a 0-d tensor).</summary>
    public Tensor sum()
    {
        var y = new Tensor([TensorPrimitives.Sum(Data)], []);
        var inShape = shape;
        return Engine.Record("sum", y, [this], g => [g.expand(inShape)]);
    }

    /// <summary>Sum over <paramref name="dim"/>.</summary>
    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

    /// <summary>Sum over <paramref name="dims"/>; <paramref name="keepdim"/> keeps them as size 1.</summary>
    public Tensor sum(long[] dims, bool keepdim = false)
    {
        var reduced = ReducedDims(dims, "sum");
        var kept = shape;
        var result = Data;
        for (int d = ndim - 1; d >= 0; d--)
        {
            if (!reduced[d]) continue;
            int outer = Shapes.Prod(kept, 0, d), r = (int)kept[d], inner = Shapes.Prod(kept, d + 1, kept.Length);
            var dst = GC.AllocateUninitializedArray<float>(outer * inner);
            ReduceKernels.Sum(result, outer, r, inner, dst);
            result = dst;
            kept[d] = 1;
        }
        var y = new Tensor(result, keepdim ? kept : DropDims(kept, reduced));
        var inShape = shape;
        return Engine.Record("sum", y, [this], g => [g.reshape(kept).expand(inShape)]);
    }

    /// <summary>Mean of all elements (a 0-d tensor).</summary>
    public Tensor mean() => sum().div(Count);

    /// <summary>Mean over <paramref name="dim"/>.</summary>
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

    /// <summary>Mean over <paramref name="dims"/>.</summary>
    public Tensor mean(long[] dims, bool keepdim = false)
    {
        var reduced = ReducedDims(dims, "mean");
        long n = 1;
        for (int d = 0; d < ndim; d++) if (reduced[d]) n *= Dims[d];
        return sum(dims, keepdim).div(n);
    }

    /// <summary>Softmax over <paramref name="dim"/> (max-subtracted for stability).</summary>
    public Tensor softmax(long dim) => SoftmaxCore(dim, log: false);

    /// <summary>Log-softmax over <paramref name="dim"/>: x − max − log Σ exp(x − max).</summary>
    public Tensor log_softmax(long dim) => SoftmaxCore(dim, log: true);

    private Tensor SoftmaxCore(long dim, bool log)
    {
        string name = log ? "log_softmax" : "softmax";
        int d = Shapes.Dim(dim, ndim, name);
        int outer = Shapes.Prod(Dims, 0, d), r = ndim == 0 ? 1 : (int)Dims[d], inner = Shapes.Prod(Dims, d + 1, ndim);
        var x = Data;
        var y = NewLike();
        var yd = y.Data;
        Parallelism.For(outer, (long)r * inner * 8, o =>
        {
            if (inner == 1)
            {
                SoftmaxRow(x.AsSpan(o * r, r), yd.AsSpan(o * r, r), log);
                return;
            }
            var col = new float[r];
            var res = new float[r];
            for (int i = 0; i < inner; i++)
            {
                int b = o * r * inner + i;
                for (int j = 0; j < r; j++) col[j] = x[b + j * inner];
                SoftmaxRow(col, res, log);
                for (int j = 0; j < r; j++) yd[b + j * inner] = res[j];
            }
        });
        if (!Engine.NeedsGrad(this)) return y;
        return Engine.Record(name, y, [this], g => log
            ? [g.sub(y.exp().mul(g.sum(dim, keepdim: true)))]
            : [g.sub(g.mul(y).sum(dim, keepdim: true)).mul(y)]);
    }

    private static void SoftmaxRow(ReadOnlySpan<float> x, Span<float> y, bool log)
    {
        if (x.Length == 0) return;
        float max = TensorPrimitives.Max(x);
        if (float.IsNegativeInfinity(max)) max = 0;
        TensorPrimitives.Subtract(x, max, y);
        if (log)
        {
            float lse = 0;
            for (int j = 0; j < y.Length; j++) lse += MathF.Exp(y[j]);
            TensorPrimitives.Subtract(y, MathF.Log(lse), y);
        }
        else
        {
            TensorPrimitives.Exp(y, y);
            float s = TensorPrimitives.Sum(y);
            TensorPrimitives.Divide(y, s, y);
        }
    }

    private bool[] ReducedDims(long[] dims, string op)
    {
        var reduced = new bool[ndim];
        foreach (long dd in dims)
        {
            int d = Shapes.Dim(dd, ndim, op);
            if (reduced[d]) throw new ArgumentException($"{op}: dim {dd} is listed twice.");
            reduced[d] = true;
        }
        return reduced;
    }

    private static long[] DropDims(long[] shape, bool[] drop)
    {
        var list = new List<long>(shape.Length);
        for (int i = 0; i < shape.Length; i++) if (!drop[i]) list.Add(shape[i]);
        return [.. list];
    }
}
