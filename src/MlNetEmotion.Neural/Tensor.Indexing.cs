using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    /// <summary>Elements [start, start+length) along <paramref name="dim"/> (a copy; negative start counts from the end).</summary>
    public Tensor narrow(long dim, long start, long length)
    {
        int d = Shapes.Dim(dim, ndim, "narrow");
        long size = Dims[d];
        long s = start < 0 ? start + size : start;
        if (s < 0 || length < 0 || s + length > size)
            throw new ArgumentOutOfRangeException(nameof(start), $"narrow: [{start}, {start}+{length}) is outside dim {dim} of size {size} in shape {Shapes.Format(Dims)}.");
        return slice(d, s, s + length, 1);
    }

    /// <summary>Elements start, start+step, … below end along <paramref name="dim"/> (Python's <c>x[..., start:end:step]</c>; ends are clipped).</summary>
    public Tensor slice(long dim, long start, long end, long step = 1)
    {
        int d = Shapes.Dim(dim, ndim, "slice");
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(step), step, "slice: step must be positive.");
        long size = Dims[d];
        long s = Math.Clamp(start < 0 ? start + size : start, 0, size);
        long e = Math.Clamp(end < 0 ? end + size : end, 0, size);
        long count = e > s ? (e - s + step - 1) / step : 0;
        var index = new long[count];
        for (long i = 0; i < count; i++) index[i] = s + i * step;
        if (step == 1) return SliceContiguous(d, (int)s, (int)count);
        return index_select(d, torch.tensor(index));
    }

    private Tensor SliceContiguous(int d, int start, int count)
    {
        int outer = Shapes.Prod(Dims, 0, d), size = (int)Dims[d], inner = Shapes.Prod(Dims, d + 1, ndim);
        var outShape = shape;
        outShape[d] = count;
        if (IsInt64)
        {
            var lo = new long[outer * count * inner];
            for (int o = 0; o < outer; o++) Array.Copy(longData!, (o * size + start) * inner, lo, o * count * inner, count * inner);
            return new Tensor(lo, outShape);
        }
        var y = new float[outer * count * inner];
        var x = data;
        for (int o = 0; o < outer; o++) Array.Copy(x, (o * size + start) * inner, y, o * count * inner, count * inner);
        var result = new Tensor(y, outShape);
        if (!Engine.NeedsGrad(this)) return result;
        var inShape = shape;
        return Engine.Record("narrow", result, [this], g =>
        {
            var gx = new float[outer * size * inner];
            var gd = g.Data;
            for (int o = 0; o < outer; o++) Array.Copy(gd, o * count * inner, gx, (o * size + start) * inner, count * inner);
            return [new Tensor(gx, inShape)];
        });
    }

    /// <summary>The slice at <paramref name="index"/> of <paramref name="dim"/>, with that dim removed (<c>x[:, t]</c>).</summary>
    public Tensor select(long dim, long index) => narrow(dim, index, 1).squeeze(dim);

    /// <summary>Picks entries <paramref name="index"/> (1-D int64) along <paramref name="dim"/>.</summary>
    public Tensor index_select(long dim, Tensor index)
    {
        int d = Shapes.Dim(dim, ndim, "index_select");
        if (index.ndim != 1) throw new ShapeMismatchException("index_select", Dims, index.Dims, "index must be 1-D");
        var idx = index.dtype == ScalarType.Int64 ? index.LongData : index.to(ScalarType.Int64).LongData;
        int outer = Shapes.Prod(Dims, 0, d), size = (int)Dims[d], inner = Shapes.Prod(Dims, d + 1, ndim), count = idx.Length;
        foreach (long i in idx)
            if (i < -size || i >= size) throw new IndexOutOfRangeException($"index_select: index {i} is out of range for dim {dim} of size {size}.");
        var outShape = shape;
        outShape[d] = count;
        int At(int j) => (int)(idx[j] < 0 ? idx[j] + size : idx[j]);
        if (IsInt64)
        {
            var lo = new long[outer * count * inner];
            for (int o = 0; o < outer; o++)
                for (int j = 0; j < count; j++) Array.Copy(longData!, (o * size + At(j)) * inner, lo, (o * count + j) * inner, inner);
            return new Tensor(lo, outShape);
        }
        var y = new float[outer * count * inner];
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++) Array.Copy(data, (o * size + At(j)) * inner, y, (o * count + j) * inner, inner);
        var result = new Tensor(y, outShape);
        if (!Engine.NeedsGrad(this)) return result;
        var inShape = shape;
        return Engine.Record("index_select", result, [this], g =>
        {
            var gx = new float[Count];
            var gd = g.Data;
            for (int o = 0; o < outer; o++)
                for (int j = 0; j < count; j++)
                    System.Numerics.Tensors.TensorPrimitives.Add(gx.AsSpan((o * size + At(j)) * inner, inner), gd.AsSpan((o * count + j) * inner, inner), gx.AsSpan((o * size + At(j)) * inner, inner));
            return [new Tensor(gx, inShape)];
        });
    }

    /// <summary>out[i][j][k] = this[i][index[i][j][k]][k] for dim 1 (and likewise for other dims); index is int64 with this tensor's rank.</summary>
    public Tensor gather(long dim, Tensor index)
    {
        int d = Shapes.Dim(dim, ndim, "gather");
        if (index.ndim != ndim) throw new ShapeMismatchException("gather", Dims, index.Dims, "index must have the input's rank");
        for (int i = 0; i < ndim; i++)
            if (i != d && index.Dims[i] > Dims[i]) throw new ShapeMismatchException("gather", Dims, index.Dims, $"index dim {i} exceeds the input's");
        var idx = index.dtype == ScalarType.Int64 ? index.LongData : index.to(ScalarType.Int64).LongData;
        var outShape = index.shape;
        int n = idx.Length;
        var srcOffsets = new int[n];
        var inStrides = Shapes.Strides(Dims);
        int rank = ndim;
        for (int flat = 0; flat < n; flat++)
        {
            long rem = flat, off = 0;
            for (int k = rank - 1; k >= 0; k--)
            {
                long c = rem % outShape[k];
                rem /= outShape[k];
                if (k == d)
                {
                    long v = idx[flat];
                    if (v < 0 || v >= Dims[d]) throw new IndexOutOfRangeException($"gather: index {v} is out of range for dim {dim} of size {Dims[d]}.");
                    c = v;
                }
                off += c * inStrides[k];
            }
            srcOffsets[flat] = (int)off;
        }
        var x = Data;
        var y = new float[n];
        for (int i = 0; i < n; i++) y[i] = x[srcOffsets[i]];
        var result = new Tensor(y, outShape);
        if (!Engine.NeedsGrad(this)) return result;
        var inShape = shape;
        return Engine.Record("gather", result, [this], g =>
        {
            var gx = new float[x.Length];
            var gd = g.Data;
            for (int i = 0; i < n; i++) gx[srcOffsets[i]] += gd[i];
            return [new Tensor(gx, inShape)];
        });
    }

    /// <summary>Splits into pieces of <paramref name="splitSize"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public Tensor[] split(long splitSize, long dim = 0)
    {
        int d = Shapes.Dim(dim, ndim, "split");
        if (splitSize <= 0) throw new ArgumentOutOfRangeException(nameof(splitSize), splitSize, "split: size must be positive.");
        var sizes = new List<long>();
        for (long s = 0; s < Dims[d]; s += splitSize) sizes.Add(Math.Min(splitSize, Dims[d] - s));
        return split(sizes.ToArray(), d);
    }

    /// <summary>Splits into pieces of the given sizes along <paramref name="dim"/> (sizes must sum to the dim).</summary>
    public Tensor[] split(long[] sizes, long dim = 0)
    {
        int d = Shapes.Dim(dim, ndim, "split");
        if (sizes.Sum() != Dims[d]) throw new ShapeMismatchException("split", Dims, sizes, $"sizes must sum to dim {dim} ({Dims[d]})");
        var parts = new Tensor[sizes.Length];
        long start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            parts[i] = narrow(d, start, sizes[i]);
            start += sizes[i];
        }
        return parts;
    }

    /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces (PyTorch sizing: ceil(size / chunks) each).</summary>
    public Tensor[] chunk(long chunks, long dim = 0)
    {
        int d = Shapes.Dim(dim, ndim, "chunk");
        if (chunks <= 0) throw new ArgumentOutOfRangeException(nameof(chunks), chunks, "chunk: count must be positive.");
        long each = (Dims[d] + chunks - 1) / chunks;
        return split(Math.Max(each, 1), d);
    }

    /// <summary>Replaces elements where <paramref name="mask"/> (broadcastable, non-zero = true) with <paramref name="value"/>.</summary>
    public Tensor masked_fill(Tensor mask, float value) => torch.where(mask, torch.full([], value), this);
}
