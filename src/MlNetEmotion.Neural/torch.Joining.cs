using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    /// <summary>Concatenates along <paramref name="dim"/>; all other dims must match.</summary>
    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("cat: needs at least one tensor.", nameof(tensors));
        var first = tensors[0];
        int d = Shapes.Dim(dim, first.ndim, "cat");
        var outShape = first.shape;
        long total = 0;
        foreach (var t in tensors)
        {
            if (t.ndim != first.ndim || t.dtype != first.dtype)
                throw new ShapeMismatchException("cat", first.Dims, t.Dims, "tensors need the same rank and dtype");
            for (int i = 0; i < t.ndim; i++)
                if (i != d && t.Dims[i] != first.Dims[i])
                    throw new ShapeMismatchException("cat", first.Dims, t.Dims, $"dim {i} differs");
            total += t.Dims[d];
        }
        outShape[d] = total;
        int outer = Shapes.Prod(first.Dims, 0, d), inner = Shapes.Prod(first.Dims, d + 1, first.ndim), outRow = (int)total * inner;
        if (first.dtype == ScalarType.Int64)
        {
            var lo = new long[outer * outRow];
            int offL = 0;
            foreach (var t in tensors)
            {
                int row = (int)t.Dims[d] * inner;
                for (int o = 0; o < outer; o++) Array.Copy(t.LongData, o * row, lo, o * outRow + offL, row);
                offL += row;
            }
            return new Tensor(lo, outShape);
        }
        var y = new float[outer * outRow];
        int off = 0;
        foreach (var t in tensors)
        {
            int row = (int)t.Dims[d] * inner;
            var src = t.Data;
            for (int o = 0; o < outer; o++) Array.Copy(src, o * row, y, o * outRow + off, row);
            off += row;
        }
        var result = new Tensor(y, outShape);
        var inputs = tensors.ToArray();
        if (!Engine.NeedsGrad(inputs)) return result;
        return Engine.Record("cat", result, inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            long start = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i].requires_grad) grads[i] = g.narrow(d, start, inputs[i].Dims[d]);
                start += inputs[i].Dims[d];
            }
            return grads;
        });
    }

    /// <summary>Stacks equally shaped tensors along a new dim <paramref name="dim"/>.</summary>
    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("stack: needs at least one tensor.", nameof(tensors));
        foreach (var t in tensors)
            if (!Shapes.Equal(t.Dims, tensors[0].Dims)) throw new ShapeMismatchException("stack", tensors[0].Dims, t.Dims, "all tensors need the same shape");
        int d = Shapes.Dim(dim, tensors[0].ndim + 1, "stack");
        return cat(tensors.Select(t => t.unsqueeze(d)).ToArray(), d);
    }

    /// <summary>Elementwise choice: <paramref name="x"/> where <paramref name="condition"/> is non-zero, else <paramref name="y"/> (all broadcast).</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y)
    {
        var shape = Shapes.Broadcast(Shapes.Broadcast(condition.Dims, x.Dims, "where"), y.Dims, "where");
        var c = (condition.dtype == ScalarType.Int64 ? condition.to(ScalarType.Float32) : condition).detach().expand(shape).Data;
        float[] xd, yd;
        using (no_grad())
        {
            xd = x.expand(shape).Data;
            yd = y.expand(shape).Data;
        }
        var o = new float[c.Length];
        for (int i = 0; i < o.Length; i++) o[i] = c[i] != 0 ? xd[i] : yd[i];
        var result = new Tensor(o, shape);
        if (!Engine.NeedsGrad(x, y)) return result;
        return Engine.Record("where", result, [x, y], g =>
        {
            var gd = g.Data;
            Tensor? gx = null, gy = null;
            if (x.requires_grad)
            {
                var a = new float[gd.Length];
                for (int i = 0; i < a.Length; i++) a[i] = c[i] != 0 ? gd[i] : 0f;
                gx = new Tensor(a, shape).SumTo(x.Dims);
            }
            if (y.requires_grad)
            {
                var b = new float[gd.Length];
                for (int i = 0; i < b.Length; i++) b[i] = c[i] != 0 ? 0f : gd[i];
                gy = new Tensor(b, shape).SumTo(y.Dims);
            }
            return [gx, gy];
        });
    }

    /// <summary><c>torch.where</c> with a scalar for the false branch.</summary>
    public static Tensor where(Tensor condition, Tensor x, float y) => where(condition, x, full([], y));
}
