using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    /// <summary>Same data with a new shape (one dim may be -1); shares storage.</summary>
    public Tensor reshape(params long[] newShape)
    {
        var target = Shapes.ResolveReshape(Dims, newShape, "reshape");
        if (IsInt64) return new Tensor(longData!, target);
        var y = new Tensor(data, target);
        if (!Engine.NeedsGrad(this)) return y;
        var inShape = shape;
        return Engine.Record("reshape", y, [this], g => [g.reshape(inShape)]);
    }

    /// <summary>Same as <see cref="reshape"/> (storage is always contiguous).</summary>
    public Tensor view(params long[] newShape) => reshape(newShape);

    /// <summary>Flattens dims <paramref name="startDim"/>..<paramref name="endDim"/> into one.</summary>
    public Tensor flatten(long startDim = 0, long endDim = -1)
    {
        if (ndim == 0) return reshape(1);
        int s = Shapes.Dim(startDim, ndim, "flatten"), e = Shapes.Dim(endDim, ndim, "flatten");
        var list = new List<long>();
        for (int i = 0; i < s; i++) list.Add(Dims[i]);
        list.Add(Shapes.Prod(Dims, s, e + 1));
        for (int i = e + 1; i < ndim; i++) list.Add(Dims[i]);
        return reshape([.. list]);
    }

    /// <summary>Inserts a size-1 dim at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim)
    {
        int d = Shapes.Dim(dim, ndim + 1, "unsqueeze");
        var list = new List<long>(Dims.ToArray());
        list.Insert(d, 1);
        return reshape([.. list]);
    }

    /// <summary>Removes all size-1 dims.</summary>
    public Tensor squeeze() => reshape([.. Dims.ToArray().Where(x => x != 1)]);

    /// <summary>Removes <paramref name="dim"/> if it has size 1 (otherwise returns the same shape).</summary>
    public Tensor squeeze(long dim)
    {
        int d = Shapes.Dim(dim, ndim, "squeeze");
        if (Dims[d] != 1) return this;
        var list = new List<long>(Dims.ToArray());
        list.RemoveAt(d);
        return reshape([.. list]);
    }

    /// <summary>Swaps two dims (a copy).</summary>
    public Tensor transpose(long dim0, long dim1)
    {
        var perm = Enumerable.Range(0, ndim).Select(i => (long)i).ToArray();
        int a = Shapes.Dim(dim0, ndim, "transpose"), b = Shapes.Dim(dim1, ndim, "transpose");
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return permute(perm);
    }

    /// <summary>Transpose of a 2-D tensor (1-D and 0-D are returned as is).</summary>
    public Tensor t() => ndim < 2 ? this : ndim == 2 ? transpose(0, 1)
        : throw new ArgumentException($"t: expects a tensor with at most 2 dims, got shape {Shapes.Format(Dims)}.");

    /// <summary>Reorders dims: output dim i is input dim <paramref name="dims"/>[i] (a copy).</summary>
    public Tensor permute(params long[] dims)
    {
        if (dims.Length != ndim)
            throw new ShapeMismatchException("permute", Dims, dims, "one entry per dimension is required");
        var perm = new int[ndim];
        var seen = new bool[ndim];
        for (int i = 0; i < ndim; i++)
        {
            perm[i] = Shapes.Dim(dims[i], ndim, "permute");
            if (seen[perm[i]]) throw new ArgumentException($"permute: dim {dims[i]} repeats in {Shapes.Format(dims)}.");
            seen[perm[i]] = true;
        }
        bool identity = true;
        for (int i = 0; i < ndim; i++) identity &= perm[i] == i;
        if (identity) return this;

        var outShape = new long[ndim];
        for (int i = 0; i < ndim; i++) outShape[i] = Dims[perm[i]];
        var inStrides = Shapes.Strides(Dims);
        var srcStrides = new long[ndim];
        for (int i = 0; i < ndim; i++) srcStrides[i] = inStrides[perm[i]];
        if (IsInt64)
        {
            var lo = new long[Count];
            StridedGather.Copy(longData!, srcStrides, outShape, lo);
            return new Tensor(lo, outShape);
        }
        var y = new Tensor(GC.AllocateUninitializedArray<float>(Count), outShape);
        StridedGather.Copy(data, srcStrides, outShape, y.data);
        if (!Engine.NeedsGrad(this)) return y;
        var inverse = new long[ndim];
        for (int i = 0; i < ndim; i++) inverse[perm[i]] = i;
        return Engine.Record("permute", y, [this], g => [g.permute(inverse)]);
    }

    /// <summary>Broadcasts to <paramref name="size"/> (a materialised copy; -1 keeps a dim).</summary>
    public Tensor expand(params long[] size)
    {
        var target = (long[])size.Clone();
        int lead = target.Length - ndim;
        if (lead < 0) throw new ShapeMismatchException("expand", Dims, size, "the target needs at least as many dims");
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == -1)
            {
                if (i < lead) throw new ShapeMismatchException("expand", Dims, size, "-1 is not allowed for new leading dims");
                target[i] = Dims[i - lead];
            }
            else if (i >= lead && Dims[i - lead] != 1 && Dims[i - lead] != target[i])
                throw new ShapeMismatchException("expand", Dims, size, $"dim {i - lead} of size {Dims[i - lead]} can only expand from size 1");
        }
        if (Shapes.Equal(Dims, target)) return this;
        var y = new Tensor(GC.AllocateUninitializedArray<float>(Shapes.CheckedNumel(target, "expand")), target);
        StridedGather.Copy(Data, Shapes.BroadcastStrides(Dims, target), target, y.data);
        if (!Engine.NeedsGrad(this)) return y;
        var inShape = shape;
        return Engine.Record("expand", y, [this], g => [g.SumTo(inShape)]);
    }

    /// <summary>Tiles the tensor <paramref name="repeats"/> times per dim (<c>Tensor.repeat</c>; extra leading repeats add dims).</summary>
    public Tensor repeat(params long[] repeats)
    {
        if (repeats.Length < ndim) throw new ShapeMismatchException("repeat", Dims, repeats, "one repeat count per dimension is needed");
        int lead = repeats.Length - ndim;
        var interleaved = new List<long>();
        var expanded = new List<long>();
        var final = new long[repeats.Length];
        for (int i = 0; i < repeats.Length; i++)
        {
            long size = i < lead ? 1 : Dims[i - lead];
            interleaved.Add(1);
            interleaved.Add(size);
            expanded.Add(repeats[i]);
            expanded.Add(size);
            final[i] = repeats[i] * size;
        }
        return reshape([.. interleaved]).expand([.. expanded]).reshape(final);
    }

    /// <summary>Broadcasts to the shape of <paramref name="other"/>.</summary>
    public Tensor expand_as(Tensor other) => expand(other.shape);
}
