using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    /// <summary>Largest element (0-d); the gradient goes to the first maximal element.</summary>
    public Tensor max() => flatten().max(0).values;

    /// <summary>Smallest element (0-d); the gradient goes to the first minimal element.</summary>
    public Tensor min() => flatten().min(0).values;

    /// <summary>Maximum over <paramref name="dim"/> with the (first) index where it occurs (int64).</summary>
    public (Tensor values, Tensor indices) max(long dim, bool keepdim = false) => Extreme(dim, keepdim, min: false);

    /// <summary>Minimum over <paramref name="dim"/> with the (first) index where it occurs (int64).</summary>
    public (Tensor values, Tensor indices) min(long dim, bool keepdim = false) => Extreme(dim, keepdim, min: true);

    /// <summary>Index of the maximum over <paramref name="dim"/> (int64).</summary>
    public Tensor argmax(long dim, bool keepdim = false)
    {
        using (torch.no_grad()) return max(dim, keepdim).indices;
    }

    /// <summary>Index of the maximum of the flattened tensor (0-d int64).</summary>
    public Tensor argmax() => flatten().argmax(0);

    /// <summary>Index of the minimum over <paramref name="dim"/> (int64).</summary>
    public Tensor argmin(long dim, bool keepdim = false)
    {
        using (torch.no_grad()) return min(dim, keepdim).indices;
    }

    private (Tensor values, Tensor indices) Extreme(long dim, bool keepdim, bool min)
    {
        string name = min ? "min" : "max";
        int d = Shapes.Dim(dim, ndim, name);
        int outer = Shapes.Prod(Dims, 0, d), r = ndim == 0 ? 1 : (int)Dims[d], inner = Shapes.Prod(Dims, d + 1, ndim);
        if (r == 0) throw new ArgumentException($"{name}: cannot reduce the empty dim {dim} of shape {Shapes.Format(Dims)}.");
        var kept = shape;
        if (ndim > 0) kept[d] = 1;
        var outShape = keepdim || ndim == 0 ? kept : DropDims(kept, [.. Enumerable.Range(0, ndim).Select(i => i == d)]);
        var vals = new float[outer * inner];
        var idx = new long[outer * inner];
        ReduceKernels.Max(Data, outer, r, inner, vals, idx, min);
        var values = new Tensor(vals, outShape);
        var indices = new Tensor(idx, (long[])outShape.Clone());
        if (!Engine.NeedsGrad(this)) return (values, indices);
        var inShape = shape;
        Engine.Record(name, values, [this], g =>
        {
            var gx = new float[Count];
            var gd = g.Data;
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++)
                    gx[(o * r + (int)idx[o * inner + i]) * inner + i] = gd[o * inner + i];
            return [new Tensor(gx, inShape)];
        });
        return (values, indices);
    }

    /// <summary>log Σ exp over <paramref name="dim"/>, computed around the maximum for stability.</summary>
    public Tensor logsumexp(long dim, bool keepdim = false)
    {
        Tensor m;
        using (torch.no_grad())
        {
            m = max(dim, keepdim: true).values;
            var md = m.Data;
            for (int i = 0; i < md.Length; i++) if (float.IsInfinity(md[i])) md[i] = 0;
        }
        var y = sub(m).exp().sum(dim, keepdim: true).log().add(m);
        return keepdim ? y : y.squeeze(dim);
    }

    /// <summary>Variance over <paramref name="dims"/>; <paramref name="unbiased"/> divides by n − 1 (PyTorch's default).</summary>
    public Tensor var(long[] dims, bool unbiased = true, bool keepdim = false)
    {
        long n = 1;
        foreach (long dd in dims) n *= Dims[Shapes.Dim(dd, ndim, "var")];
        var centered = sub(mean(dims, keepdim: true));
        return centered.square().sum(dims, keepdim).div(Math.Max(unbiased ? n - 1 : n, 0));
    }

    /// <summary>Variance over <paramref name="dim"/>.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);

    /// <summary>Variance of all elements (0-d).</summary>
    public Tensor var(bool unbiased = true) => flatten().var(0, unbiased);

    /// <summary>Standard deviation over <paramref name="dim"/>.</summary>
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => var(dim, unbiased, keepdim).sqrt();

    /// <summary>Standard deviation of all elements (0-d).</summary>
    public Tensor std(bool unbiased = true) => var(unbiased).sqrt();

    /// <summary>L2 norm of all elements (0-d).</summary>
    public Tensor norm() => square().sum().sqrt();

    /// <summary>Sum of |x|^p over all elements (no grad), in double; used by gradient clipping.</summary>
    internal double PowSum(double p)
    {
        var x = Data;
        if (p == 2) return TensorPrimitives.Dot(x, x);
        double s = 0;
        foreach (float v in x) s += Math.Pow(Math.Abs(v), p);
        return s;
    }
}
