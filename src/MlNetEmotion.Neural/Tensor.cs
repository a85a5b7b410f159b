using System.Globalization;
using System.Text;
using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural;

/// <summary>
/// A dense tensor with contiguous row-major storage (float32, or int64 for indices), reverse-mode autograd
/// and PyTorch / TorchSharp method names (<c>sum</c>, <c>matmul</c>, <c>reshape</c>, <c>backward</c>).
/// </summary>
/// <remarks>
/// Every tensor owns contiguous storage; <see cref="reshape"/> and <see cref="view"/> share it, every other op
/// returns fresh storage. Ops record themselves on the autograd tape when grad mode is on
/// (see <see cref="torch.no_grad"/>) and an input has <see cref="requires_grad"/>.
/// </remarks>
public sealed partial class Tensor
{
    private readonly float[] data;
    private readonly long[]? longData;
    private readonly long[] dims;
    private bool requiresGrad;

    internal Tensor(float[] data, long[] shape)
    {
        this.data = data;
        dims = shape;
    }

    internal Tensor(long[] longData, long[] shape)
    {
        data = [];
        this.longData = longData;
        dims = shape;
    }

    /// <summary>Node of the autograd graph that produced this tensor; null for leaves.</summary>
    internal Node? GradFn { get; private set; }

    /// <summary>Which output of <see cref="GradFn"/> this tensor is.</summary>
    internal int OutputIndex { get; private set; }

    /// <summary>Shape (dims) of the tensor, as a fresh array.</summary>
    public long[] shape => (long[])dims.Clone();

    /// <summary>Shape without copying.</summary>
    internal ReadOnlySpan<long> Dims => dims;

    /// <summary>Number of dimensions.</summary>
    public int ndim => dims.Length;

    /// <summary>Number of dimensions (PyTorch's <c>dim()</c>).</summary>
    public int dim() => dims.Length;

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long size(int dim) => dims[Shapes.Dim(dim, dims.Length, "size")];

    /// <summary>Number of elements.</summary>
    public long numel() => IsInt64 ? longData!.Length : data.Length;

    /// <summary>Element type.</summary>
    public ScalarType dtype => longData is null ? ScalarType.Float32 : ScalarType.Int64;

    internal bool IsInt64 => longData is not null;

    internal int Count => IsInt64 ? longData!.Length : data.Length;

    /// <summary>Whether gradients are computed for this tensor. Only leaves may be switched by hand.</summary>
    public bool requires_grad
    {
        get => requiresGrad;
        set
        {
            if (GradFn is not null && !value)
                throw new InvalidOperationException($"requires_grad: cannot switch off a non-leaf tensor produced by {GradFn.Name}; use detach().");
            if (value && IsInt64)
                throw new InvalidOperationException("requires_grad: only float32 tensors can require gradients.");
            requiresGrad = value;
        }
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor (PyTorch's <c>requires_grad_</c>).</summary>
    public Tensor requires_grad_(bool requiresGrad = true)
    {
        requires_grad = requiresGrad;
        return this;
    }

    /// <summary>True when the tensor was not produced by a recorded op.</summary>
    public bool is_leaf => GradFn is null;

    /// <summary>Accumulated gradient of a leaf after <see cref="backward"/>; null until then.</summary>
    public Tensor? grad { get; set; }

    /// <summary>Name of the op that produced this tensor on the tape, or null for a leaf.</summary>
    public string? grad_fn => GradFn?.Name;

    /// <summary>The float32 storage as a writable span (row-major). Writes bypass autograd.</summary>
    public Span<float> AsSpan()
    {
        if (IsInt64) throw new InvalidOperationException("AsSpan: this tensor is int64; use AsInt64Span().");
        return data;
    }

    /// <summary>The int64 storage as a writable span (row-major).</summary>
    public Span<long> AsInt64Span()
    {
        if (!IsInt64) throw new InvalidOperationException("AsInt64Span: this tensor is float32; use AsSpan().");
        return longData;
    }

    /// <summary>Raw float storage (shared, not copied).</summary>
    internal float[] Data => IsInt64 ? throw new InvalidOperationException("This op needs a float32 tensor but got int64.") : data;

    /// <summary>Raw int64 storage (shared, not copied).</summary>
    internal long[] LongData => longData ?? throw new InvalidOperationException("This op needs an int64 tensor but got float32.");

    /// <summary>Copies the float32 elements into a new array.</summary>
    public float[] ToArray() => (float[])Data.Clone();

    /// <summary>Copies the int64 elements into a new array.</summary>
    public long[] ToInt64Array() => (long[])LongData.Clone();

    /// <summary>The single value of a one-element tensor.</summary>
    public float item()
    {
        if (Count != 1) throw new InvalidOperationException($"item: tensor of shape {Shapes.Format(dims)} has {Count} elements, expected 1.");
        return IsInt64 ? longData![0] : data[0];
    }

    /// <summary>Element at the given multi-index (float32 tensors; int64 values are converted).</summary>
    public float this[params long[] index]
    {
        get => IsInt64 ? longData![FlatIndex(index)] : data[FlatIndex(index)];
        set
        {
            if (IsInt64) longData![FlatIndex(index)] = (long)value;
            else data[FlatIndex(index)] = value;
        }
    }

    private int FlatIndex(long[] index)
    {
        if (index.Length != dims.Length)
            throw new ArgumentException($"index: {index.Length} indices given for a tensor with {dims.Length} dimensions.");
        long flat = 0;
        for (int i = 0; i < dims.Length; i++)
        {
            long ix = index[i] < 0 ? index[i] + dims[i] : index[i];
            if (ix < 0 || ix >= dims[i])
                throw new IndexOutOfRangeException($"index: {index[i]} is out of range for dimension {i} of size {dims[i]}.");
            flat = flat * dims[i] + ix;
        }
        return (int)flat;
    }

    /// <summary>A tensor sharing this storage but cut from the autograd graph.</summary>
    public Tensor detach() => IsInt64 ? new Tensor(longData!, dims) : new Tensor(data, dims);

    /// <summary>A copy with its own storage, cut from the graph (like <c>x.detach().clone()</c>).</summary>
    public Tensor DetachedClone() => IsInt64 ? new Tensor(ToInt64Array(), shape) : new Tensor(ToArray(), shape);

    /// <summary>Returns this tensor: storage is always contiguous.</summary>
    public Tensor contiguous() => this;

    /// <summary>Converts to <paramref name="type"/> (a copy; float→int64 truncates toward zero).</summary>
    public Tensor to(ScalarType type)
    {
        if (type == dtype) return this;
        if (type == ScalarType.Float32)
        {
            var src = longData!;
            var dst = new float[src.Length];
            for (int i = 0; i < src.Length; i++) dst[i] = src[i];
            return new Tensor(dst, shape);
        }
        var f = data;
        var l = new long[f.Length];
        for (int i = 0; i < f.Length; i++) l[i] = (long)f[i];
        return new Tensor(l, shape);
    }

    /// <summary>Runs reverse-mode differentiation from this tensor, accumulating into leaves' <see cref="grad"/>.</summary>
    /// <param name="gradient">Gradient of the final objective with respect to this tensor; defaults to 1 for a scalar.</param>
    public void backward(Tensor? gradient = null) => Engine.Backward(this, gradient);

    /// <summary>Attaches this freshly computed tensor to a graph node (used by ops when recording).</summary>
    internal void SetGradFn(Node node, int outputIndex)
    {
        GradFn = node;
        OutputIndex = outputIndex;
        requiresGrad = true;
    }

    /// <summary>Shape, dtype and the op that produced it, e.g. <c>[2x3], type = Float32, grad_fn = matmul</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        sb.Append(string.Join('x', dims.Select(d => d.ToString(CultureInfo.InvariantCulture))));
        sb.Append("], type = ").Append(dtype);
        if (GradFn is not null) sb.Append(", grad_fn = ").Append(GradFn.Name);
        else if (requiresGrad) sb.Append(", requires_grad");
        return sb.ToString();
    }

    /// <summary>Shape plus up to <paramref name="maxElements"/> values, for debugging.</summary>
    public string ToString(int maxElements)
    {
        var sb = new StringBuilder(ToString()).Append(" {");
        int n = Math.Min(Count, maxElements);
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(IsInt64 ? longData![i].ToString(CultureInfo.InvariantCulture) : data[i].ToString("G6", CultureInfo.InvariantCulture));
        }
        if (n < Count) sb.Append(", ...");
        return sb.Append('}').ToString();
    }
}
