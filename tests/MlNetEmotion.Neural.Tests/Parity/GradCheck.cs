namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// Central finite-difference gradient check of a float32 computation: the objective is
/// <c>Σ_k Σ output_k ⊙ W_k</c> with fixed random <c>W_k</c>, accumulated in float64 for the differences; a fixed sample of
/// coordinates per leaf is perturbed by ±<c>eps</c>. Float32 forward passes limit the difference quotient to about
/// 1e-5 relative here (measured), hence the bound 3e-4, looser than the PyTorch parity tests (exact gradients, 1e-5).
/// </summary>
internal static class GradCheck
{
    /// <summary>Checks the gradients of <paramref name="forward"/> with respect to every named leaf.</summary>
    /// <param name="forward">Recomputes the outputs from the current leaf values.</param>
    /// <param name="leaves">Named leaves (parameters and inputs); they must require grad.</param>
    /// <param name="samples">Coordinates checked per leaf.</param>
    /// <param name="eps">Perturbation.</param>
    /// <param name="tolerance">Bound on <c>|analytic − numeric| / (1 + |numeric|)</c>.</param>
    public static void Check(Func<Tensor[]> forward, IEnumerable<(string Name, Tensor Leaf)> leaves, int samples = 6,
        float eps = 1e-2f, double tolerance = 3e-4)
    {
        var rng = new Random(1234);
        var outputs = forward();
        var weights = outputs.Select(o => Enumerable.Range(0, (int)o.numel()).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray()).ToArray();
        var leafList = leaves.ToList();
        foreach (var (_, leaf) in leafList) leaf.grad = null;
        Tensor? total = null;
        for (int k = 0; k < outputs.Length; k++)
        {
            var term = outputs[k].mul(torch.tensor(weights[k], outputs[k].shape)).sum();
            total = total is null ? term : total + term;
        }

        total!.backward();
        double Objective()
        {
            using var _ = torch.no_grad();
            var outs = forward();
            double sum = 0;
            for (int k = 0; k < outs.Length; k++)
            {
                var values = outs[k].ToArray();
                for (int i = 0; i < values.Length; i++) sum += (double)values[i] * weights[k][i];
            }

            return sum;
        }

        foreach (var (name, leaf) in leafList)
        {
            Assert.True(leaf.grad is not null, $"{name}: no gradient.");
            var analytic = leaf.grad!.ToArray();
            var data = leaf.AsSpan();
            for (int s = 0; s < Math.Min(samples, data.Length); s++)
            {
                int i = rng.Next(data.Length);
                float saved = leaf.AsSpan()[i];
                leaf.AsSpan()[i] = saved + eps;
                double plus = Objective();
                leaf.AsSpan()[i] = saved - eps;
                double minus = Objective();
                leaf.AsSpan()[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double err = Math.Abs(analytic[i] - numeric) / (1 + Math.Abs(numeric));
                Assert.True(err <= tolerance, $"{name}[{i}]: analytic {analytic[i]}, numeric {numeric} (error {err:E2} > {tolerance:E0}).");
            }
        }
    }
}
