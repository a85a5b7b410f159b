using MathNet.Numerics;

namespace MlNetEmotion.Neural;

public sealed partial class Tensor
{
    private const float SeluAlpha = 1.6732632423543772848170429916717f;
    private const float SeluScale = 1.0507009873554804934193349852946f;

    /// <summary>ELU: x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
    public Tensor elu(float alpha = 1f) => Unary("elu", (x, y) =>
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[i] > 0 ? x[i] : alpha * (MathF.Exp(x[i]) - 1f);
    }, (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] > 0 ? g[i] : g[i] * alpha * MathF.Exp(x[i]);
    });

    /// <summary>SELU: scale · ELU(x, α) with PyTorch's fixed α ≈ 1.6733 and scale ≈ 1.0507.</summary>
    public Tensor selu() => Unary("selu", static (x, y) =>
    {
        for (int i = 0; i < y.Length; i++) y[i] = SeluScale * (x[i] > 0 ? x[i] : SeluAlpha * (MathF.Exp(x[i]) - 1f));
    }, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = g[i] * SeluScale * (x[i] > 0 ? 1f : SeluAlpha * MathF.Exp(x[i]));
    });

    /// <summary>GELU, exact form x·Φ(x) = x/2·(1 + erf(x/√2)) (PyTorch's default <c>approximate='none'</c>).</summary>
    public Tensor gelu() => Unary("gelu", static (x, y) =>
    {
        for (int i = 0; i < y.Length; i++) y[i] = (float)(0.5 * x[i] * (1 + SpecialFunctions.Erf(x[i] / Math.Sqrt(2))));
    }, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++)
        {
            double v = x[i];
            double cdf = 0.5 * (1 + SpecialFunctions.Erf(v / Math.Sqrt(2)));
            double pdf = Math.Exp(-0.5 * v * v) / Math.Sqrt(2 * Math.PI);
            d[i] = (float)(g[i] * (cdf + v * pdf));
        }
    });

    /// <summary>GELU with PyTorch's <c>approximate='tanh'</c>: x/2·(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    public Tensor gelu_tanh() => Unary("gelu_tanh", static (x, y) =>
    {
        for (int i = 0; i < y.Length; i++)
        {
            float v = x[i];
            y[i] = 0.5f * v * (1f + MathF.Tanh(GeluK * (v + 0.044715f * v * v * v)));
        }
    }, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++)
        {
            float v = x[i];
            float t = MathF.Tanh(GeluK * (v + 0.044715f * v * v * v));
            float dInner = GeluK * (1f + 3f * 0.044715f * v * v);
            d[i] = g[i] * (0.5f * (1f + t) + 0.5f * v * (1f - t * t) * dInner);
        }
    });

    private const float GeluK = 0.7978845608028654f;

    /// <summary>Leaky ReLU: x for x &gt; 0, slope·x otherwise.</summary>
    public Tensor leaky_relu(float negativeSlope = 0.01f) => Unary("leaky_relu", (x, y) =>
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[i] > 0 ? x[i] : negativeSlope * x[i];
    }, (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] > 0 ? g[i] : negativeSlope * g[i];
    });

    /// <summary>SiLU / swish: x·σ(x).</summary>
    public Tensor silu() => Unary("silu", static (x, y) =>
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[i] / (1f + MathF.Exp(-x[i]));
    }, static (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++)
        {
            float s = 1f / (1f + MathF.Exp(-x[i]));
            d[i] = g[i] * s * (1f + x[i] * (1f - s));
        }
    });

    /// <summary>Softplus log(1 + eˣ), linear above <paramref name="threshold"/> (PyTorch's beta = 1 form).</summary>
    public Tensor softplus(float threshold = 20f) => Unary("softplus", (x, y) =>
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[i] > threshold ? x[i] : MathF.Log(1f + MathF.Exp(x[i]));
    }, (x, _, g, d) =>
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] > threshold ? g[i] : g[i] / (1f + MathF.Exp(-x[i]));
    });
}
