using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);

    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);

    /// <summary>Elementwise product with broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);

    /// <summary>Elementwise quotient with broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, float s) => a.add(s);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(float s, Tensor a) => a.add(s);

    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, float s) => a.add(-s);

    /// <summary>Scalar minus tensor.</summary>
    public static Tensor operator -(float s, Tensor a) => a.neg().add(s);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, float s) => a.mul(s);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(float s, Tensor a) => a.mul(s);

    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, float s) => a.div(s);

    /// <summary>Scalar divided by tensor.</summary>
    public static Tensor operator /(float s, Tensor a) => torch.full([], s).div(a);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => a.neg();

    /// <summary>this + alpha × other, with broadcasting.</summary>
    public Tensor add(Tensor other, float alpha = 1) => alpha == 1 ? Binary(this, other, BinaryOp.Add, "add") : Binary(this, other.mul(alpha), BinaryOp.Add, "add");

    /// <summary>this − alpha × other, with broadcasting.</summary>
    public Tensor sub(Tensor other, float alpha = 1) => alpha == 1 ? Binary(this, other, BinaryOp.Sub, "sub") : Binary(this, other.mul(alpha), BinaryOp.Sub, "sub");

    /// <summary>Elementwise product with broadcasting.</summary>
    public Tensor mul(Tensor other) => Binary(this, other, BinaryOp.Mul, "mul");

    /// <summary>Elementwise quotient with broadcasting.</summary>
    public Tensor div(Tensor other) => Binary(this, other, BinaryOp.Div, "div");

    /// <summary>Elementwise maximum with broadcasting (<c>torch.maximum</c>); ties share the gradient equally.</summary>
    public Tensor maximum(Tensor other) => Binary(this, other, BinaryOp.Max, "maximum");

    /// <summary>Elementwise minimum with broadcasting (<c>torch.minimum</c>); ties share the gradient equally.</summary>
    public Tensor minimum(Tensor other) => Binary(this, other, BinaryOp.Min, "minimum");

    /// <summary>Elementwise power with a tensor exponent, with broadcasting.</summary>
    public Tensor pow(Tensor exponent) => Binary(this, exponent, BinaryOp.Pow, "pow");

    /// <summary>Adds a scalar.</summary>
    public Tensor add(float s) => Affine(1, s, "add");

    /// <summary>Subtracts a scalar.</summary>
    public Tensor sub(float s) => Affine(1, -s, "sub");

    /// <summary>Multiplies by a scalar.</summary>
    public Tensor mul(float s) => Affine(s, 0, "mul");

    /// <summary>Divides by a scalar (computed as a true division, like PyTorch).</summary>
    public Tensor div(float s)
    {
        var x = Data;
        var y = NewLike();
        Parallelism.ForChunks(x.Length, (st, n) => TensorPrimitives.Divide(x.AsSpan(st, n), s, y.Data.AsSpan(st, n)));
        return Engine.Record("div", y, [this], g => [g.div(s)]);
    }

    /// <summary>A copy with its own storage that stays on the tape (gradient passes through).</summary>
    public Tensor clone()
    {
        if (IsInt64) return DetachedClone();
        return Engine.Record("clone", new Tensor(ToArray(), shape), [this], g => [g]);
    }

    /// <summary>Negation.</summary>
    public Tensor neg() => Affine(-1, 0, "neg");

    /// <summary>scale × this + shift, elementwise.</summary>
    private Tensor Affine(float scale, float shift, string name)
    {
        var x = Data;
        var y = NewLike();
        Parallelism.ForChunks(x.Length, (st, n) =>
        {
            var dst = y.Data.AsSpan(st, n);
            if (scale == 1) TensorPrimitives.Add(x.AsSpan(st, n), shift, dst);
            else if (shift == 0) TensorPrimitives.Multiply(x.AsSpan(st, n), scale, dst);
            else
            {
                TensorPrimitives.Multiply(x.AsSpan(st, n), scale, dst);
                TensorPrimitives.Add(dst, shift, dst);
            }
        });
        return Engine.Record(name, y, [this], g => [scale == 1 ? g : g.mul(scale)]);
    }

    /// <summary>An uninitialised float tensor of this tensor's shape.</summary>
    internal Tensor NewLike() => new(GC.AllocateUninitializedArray<float>(Count), shape);

    private static Tensor Binary(Tensor a, Tensor b, BinaryOp op, string name)
    {
        var outShape = Shapes.Broadcast(a.Dims, b.Dims, name);
        var y = new Tensor(GC.AllocateUninitializedArray<float>(Shapes.CheckedNumel(outShape, name)), outShape);
        BinaryKernels.Apply(op, a.Data, a.Dims, b.Data, b.Dims, y.Data, outShape);
        if (!Engine.NeedsGrad(a, b)) return y;
        return Engine.Record(name, y, [a, b], g =>
        {
            Tensor? ga = null, gb = null;
            switch (op)
            {
                case BinaryOp.Add:
                    if (a.requires_grad) ga = g.SumTo(a.Dims);
                    if (b.requires_grad) gb = g.SumTo(b.Dims);
                    break;
                case BinaryOp.Sub:
                    if (a.requires_grad) ga = g.SumTo(a.Dims);
                    if (b.requires_grad) gb = g.neg().SumTo(b.Dims);
                    break;
                case BinaryOp.Mul:
                    if (a.requires_grad) ga = g.mul(b).SumTo(a.Dims);
                    if (b.requires_grad) gb = g.mul(a).SumTo(b.Dims);
                    break;
                case BinaryOp.Div:
                    if (a.requires_grad) ga = g.div(b).SumTo(a.Dims);
                    if (b.requires_grad) gb = g.mul(y).div(b).neg().SumTo(b.Dims);
                    break;
                case BinaryOp.Pow:
                    if (a.requires_grad) ga = g.mul(b).mul(a.pow(b.sub(1f))).SumTo(a.Dims);
                    if (b.requires_grad) gb = g.mul(y).mul(a.log()).SumTo(b.Dims);
                    break;
                default:
                    // max/min: the selected operand gets the gradient, ties split it in half (PyTorch rule).
                    var (wa, wb) = SelectionWeights(a, b, y);
                    if (a.requires_grad) ga = g.mul(wa).SumTo(a.Dims);
                    if (b.requires_grad) gb = g.mul(wb).SumTo(b.Dims);
                    break;
            }
            return [ga, gb];
        });
    }

    private static (Tensor Wa, Tensor Wb) SelectionWeights(Tensor a, Tensor b, Tensor y)
    {
        var ea = a.eq(y);
        var eb = b.eq(y);
        var both = ea.mul(eb);
        return (ea.sub(both.mul(0.5f)), eb.sub(both.mul(0.5f)));
    }

    /// <summary>Sums a broadcast gradient back to <paramref name="target"/> shape.</summary>
    internal Tensor SumTo(ReadOnlySpan<long> target)
    {
        if (Shapes.Equal(Dims, target)) return this;
        var result = this;
        int lead = ndim - target.Length;
        for (int d = ndim - 1; d >= 0; d--)
        {
            long want = d < lead ? 1 : target[d - lead];
            if (want == 1 && result.Dims[d] != 1) result = result.sum([d], keepdim: true);
        }
        return result.reshape(target.ToArray());
    }

    /// <summary>1 where this equals <paramref name="other"/> (broadcast), else 0; no gradient.</summary>
    public Tensor eq(Tensor other) => Compare(other, static (x, y) => x == y, "eq");

    /// <summary>1 where this is greater than <paramref name="other"/> (broadcast), else 0; no gradient.</summary>
    public Tensor gt(Tensor other) => Compare(other, static (x, y) => x > y, "gt");

    /// <summary>1 where this is less than <paramref name="other"/> (broadcast), else 0; no gradient.</summary>
    public Tensor lt(Tensor other) => Compare(other, static (x, y) => x < y, "lt");

    /// <summary>1 where this is at least <paramref name="other"/> (broadcast), else 0; no gradient.</summary>
    public Tensor ge(Tensor other) => Compare(other, static (x, y) => x >= y, "ge");

    /// <summary>1 where this is at most <paramref name="other"/> (broadcast), else 0; no gradient.</summary>
    public Tensor le(Tensor other) => Compare(other, static (x, y) => x <= y, "le");

    /// <summary>1 where this is greater than <paramref name="s"/>, else 0.</summary>
    public Tensor gt(float s) => gt(torch.full([], s));

    /// <summary>1 where this is less than <paramref name="s"/>, else 0.</summary>
    public Tensor lt(float s) => lt(torch.full([], s));

    /// <summary>1 where this equals <paramref name="s"/>, else 0.</summary>
    public Tensor eq(float s) => eq(torch.full([], s));

    /// <summary>1 where this is at least <paramref name="s"/>, else 0.</summary>
    public Tensor ge(float s) => ge(torch.full([], s));

    /// <summary>1 where this is at most <paramref name="s"/>, else 0.</summary>
    public Tensor le(float s) => le(torch.full([], s));

    /// <summary>1 where the element is NaN, else 0; no gradient.</summary>
    public Tensor isnan() => Mask(float.IsNaN);

    /// <summary>1 where the element is finite (not NaN or ±∞), else 0; no gradient.</summary>
    public Tensor isfinite() => Mask(float.IsFinite);

    /// <summary>True when every element is finite (a cheap guard before <see cref="backward"/> or an optimizer step).</summary>
    public bool all_finite()
    {
        if (IsInt64) return true;
        foreach (float v in data)
            if (!float.IsFinite(v)) return false;
        return true;
    }

    private Tensor Mask(Func<float, bool> predicate)
    {
        var x = to(ScalarType.Float32).Data;
        var y = new float[x.Length];
        for (int i = 0; i < y.Length; i++) y[i] = predicate(x[i]) ? 1f : 0f;
        return new Tensor(y, shape);
    }

    private Tensor Compare(Tensor other, Func<float, float, bool> cmp, string name)
    {
        if (IsInt64 || other.IsInt64) return to(ScalarType.Float32).Compare(other.to(ScalarType.Float32), cmp, name);
        var outShape = Shapes.Broadcast(Dims, other.Dims, name);
        var a = Shapes.Equal(Dims, outShape) ? this : expand(outShape);
        var b = Shapes.Equal(other.Dims, outShape) ? other : other.expand(outShape);
        var y = new float[a.Count];
        var xa = a.Data;
        var xb = b.Data;
        for (int i = 0; i < y.Length; i++) y[i] = cmp(xa[i], xb[i]) ? 1f : 0f;
        return new Tensor(y, outShape);
    }

    /// <summary>Fills with <paramref name="value"/> in place (no autograd).</summary>
    public Tensor fill_(float value)
    {
        CheckInPlace("fill_");
        Data.AsSpan().Fill(value);
        return this;
    }

    /// <summary>Fills with zeros in place (no autograd).</summary>
    public Tensor zero_() => fill_(0);

    /// <summary>Copies <paramref name="src"/> (same element count) into this storage in place (no autograd).</summary>
    public Tensor copy_(Tensor src)
    {
        CheckInPlace("copy_");
        if (src.Count != Count) throw new ShapeMismatchException("copy_", Dims, src.Dims, "element counts must match");
        if (IsInt64) src.LongData.CopyTo(longData!, 0);
        else src.Data.CopyTo(data, 0);
        return this;
    }

    /// <summary>this += alpha × other in place (same shape or broadcastable to this; no autograd).</summary>
    public Tensor add_(Tensor other, float alpha = 1)
    {
        CheckInPlace("add_");
        var o = Shapes.Equal(other.Dims, Dims) ? other : other.expand(shape);
        if (alpha == 1) TensorPrimitives.Add(data, o.Data, data);
        else TensorPrimitives.MultiplyAdd(o.Data, alpha, data, data);
        return this;
    }

    /// <summary>this *= s in place (no autograd).</summary>
    public Tensor mul_(float s)
    {
        CheckInPlace("mul_");
        TensorPrimitives.Multiply(data, s, data);
        return this;
    }

    private void CheckInPlace(string op)
    {
        if (requires_grad && GradMode.IsEnabled)
            throw new InvalidOperationException($"{op}: in-place change of a tensor that requires grad; wrap it in torch.no_grad().");
    }
}
