using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests;

/// <summary>
/// Finite-difference gradient check: compares autograd gradients of L = Σ y·w (w fixed random weights)
/// with central differences (L(x+ε) − L(x−ε)) / 2ε, the loss accumulated in double.
/// Defaults: ε = 1e-3, pass when |analytic − numeric| ≤ atol + rtol·|numeric| with rtol = 1e-2, atol = 2e-3.
/// </summary>
public static class GradCheck
{
    public const double Eps = 1e-3;
    public const double RTol = 1e-2;
    public const double ATol = 2e-3;

    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Check(f, inputs, Eps, RTol, ATol);

    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps, double rtol, double atol)
    {
        foreach (var x in inputs) x.grad = null;
        var y = f(inputs);
        var w = torch.randn(y.shape, new Generator(99));
        var loss = y.mul(w).sum();
        loss.backward();
        var wd = w.ToArray();
        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k];
            if (!x.requires_grad) continue;
            Assert.NotNull(x.grad);
            var analytic = x.grad!.ToArray();
            var data = x.AsSpan();
            for (int i = 0; i < data.Length; i++)
            {
                float orig = data[i];
                data[i] = (float)(orig + eps);
                double lp = Loss(f, inputs, wd);
                x.AsSpan()[i] = (float)(orig - eps);
                double lm = Loss(f, inputs, wd);
                x.AsSpan()[i] = orig;
                double numeric = (lp - lm) / (2 * eps);
                double err = Math.Abs(analytic[i] - numeric);
                Assert.True(err <= atol + rtol * Math.Abs(numeric),
                    $"input {k} element {i}: analytic {analytic[i]} vs numeric {numeric} (err {err})");
            }
        }
    }

    private static double Loss(Func<Tensor[], Tensor> f, Tensor[] inputs, float[] w)
    {
        using var _ = torch.no_grad();
        var y = f(inputs).ToArray();
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += (double)y[i] * w[i];
        return s;
    }

    /// <summary>A float tensor of standard normals that requires grad.</summary>
    public static Tensor Randn(int seed, params long[] shape) => torch.randn(shape, new Generator(seed)).requires_grad_();

    /// <summary>Uniform values in [lo, hi) that require grad.</summary>
    public static Tensor Uniform(int seed, double lo, double hi, params long[] shape) =>
        torch.rand(shape, new Generator(seed)).mul((float)(hi - lo)).add((float)lo).detach().requires_grad_();
}
