using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural;

/// <summary>Forward kernel of an elementwise op: y = f(x) on one chunk.</summary>
internal delegate void UnaryKernel(ReadOnlySpan<float> x, Span<float> y);

/// <summary>Backward kernel of an elementwise op: dx from x, y = f(x) and dy on one chunk.</summary>
internal delegate void UnaryGradKernel(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx);

public sealed partial class Tensor
{
    /// <summary>e^x.</summary>
    public Tensor exp() => Unary("exp", TensorPrimitives.Exp, static (_, y, g, d) => TensorPrimitives.Multiply(g, y, d));

    /// <summary>Natural logarithm.</summary>
    public Tensor log() => Unary("log", TensorPrimitives.Log, static (x, _, g, d) => TensorPrimitives.Divide(g, x, d));

    /// <summary>Square root.</summary>
    public Tensor sqrt() => Unary("sqrt", TensorPrimitives.Sqrt, static (_, y, g, d) =>
    {
        TensorPrimitives.Divide(g, y, d);
        TensorPrimitives.Multiply(d, 0.5f, d);
    });

    /// <summary>Absolute value (gradient sign(x), 0 at 0).</summary>
    public Tensor abs() => Unary("abs", TensorPrimitives.Abs, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] > 0 ? g[i] : x[i] < 0 ? -g[i] : 0f;
    });

    /// <summary>max(x, 0) (gradient 0 at 0, like PyTorch).</summary>
    public Tensor relu() => Unary("relu", static (x, y) => TensorPrimitives.Max(x, 0f, y), static (_, y, g, d) => PassWherePositive(y, g, d));

    /// <summary>d = g where y &gt; 0, else 0 (vectorised ReLU backward).</summary>
    private static void PassWherePositive(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> d)
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            int width = System.Numerics.Vector<float>.Count;
            var zero = System.Numerics.Vector<float>.Zero;
            for (; i <= d.Length - width; i += width)
            {
                var yv = new System.Numerics.Vector<float>(y.Slice(i));
                var gv = new System.Numerics.Vector<float>(g.Slice(i));
                System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(yv, zero), gv, zero).CopyTo(d.Slice(i));
            }
        }
        for (; i < d.Length; i++) d[i] = y[i] > 0 ? g[i] : 0f;
    }

    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => Unary("tanh", TensorPrimitives.Tanh, static (_, y, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = g[i] * (1f - y[i] * y[i]);
    });

    /// <summary>Logistic sigmoid 1 / (1 + e^-x).</summary>
    public Tensor sigmoid() => Unary("sigmoid", TensorPrimitives.Sigmoid, static (_, y, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = g[i] * y[i] * (1f - y[i]);
    });

    /// <summary>Sine.</summary>
    public Tensor sin() => Unary("sin", TensorPrimitives.Sin, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = g[i] * MathF.Cos(x[i]);
    });

    /// <summary>Cosine.</summary>
    public Tensor cos() => Unary("cos", TensorPrimitives.Cos, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = -g[i] * MathF.Sin(x[i]);
    });

    /// <summary>x raised to a scalar power.</summary>
    public Tensor pow(float exponent)
    {
        if (exponent == 2) return Unary("pow", static (x, y) => TensorPrimitives.Multiply(x, x, y), static (x, _, g, d) =>
        {
            TensorPrimitives.Multiply(g, x, d);
            TensorPrimitives.Multiply(d, 2f, d);
        });
        return Unary("pow", (x, y) => TensorPrimitives.Pow(x, exponent, y), (x, _, g, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = exponent == 0 ? 0f : g[i] * exponent * MathF.Pow(x[i], exponent - 1);
        });
    }

    /// <summary>x² (same as <c>pow(2)</c>).</summary>
    public Tensor square() => pow(2f);

    /// <summary>1 / x.</summary>
    public Tensor reciprocal() => Unary("reciprocal", static (x, y) => TensorPrimitives.Divide(1f, x, y), static (_, y, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = -g[i] * y[i] * y[i];
    });

    /// <summary>Clamps into [min, max]; either bound may be null. Gradient flows where min ≤ x ≤ max.</summary>
    public Tensor clamp(float? min = null, float? max = null)
    {
        float lo = min ?? float.NegativeInfinity, hi = max ?? float.PositiveInfinity;
        return Unary("clamp", (x, y) =>
        {
            TensorPrimitives.Max(x, lo, y);
            TensorPrimitives.Min(y, hi, y);
        }, (x, _, g, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = x[i] >= lo && x[i] <= hi ? g[i] : 0f;
        });
    }

    /// <summary>Clamps from below (<c>clamp(min: m)</c>).</summary>
    public Tensor clamp_min(float min) => clamp(min, null);

    /// <summary>Runs an elementwise kernel (in parallel chunks) and records its backward.</summary>
    internal Tensor Unary(string name, UnaryKernel forward, UnaryGradKernel backward)
    {
        var x = Data;
        var y = NewLike();
        var yd = y.Data;
        Parallelism.ForChunks(x.Length, (s, n) => forward(x.AsSpan(s, n), yd.AsSpan(s, n)));
        if (!Engine.NeedsGrad(this)) return y;
        return Engine.Record(name, y, [this], g =>
        {
            var dx = NewLike();
            var gd = g.Data;
            var dd = dx.Data;
            Parallelism.ForChunks(x.Length, (s, n) => backward(x.AsSpan(s, n), yd.AsSpan(s, n), gd.AsSpan(s, n), dd.AsSpan(s, n)));
            return [dx];
        });
    }
}
