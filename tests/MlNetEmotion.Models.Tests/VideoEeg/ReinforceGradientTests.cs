using MlNetEmotion.Models.Attention;
using MlNetEmotion.Models.Reinforce;
using MlNetEmotion.Neural;
using Xunit.Abstractions;

namespace MlNetEmotion.Models.Tests.VideoEeg;

/// <summary>
/// The REINFORCE estimate (<see cref="ReinforceLoss"/>, Liu et al. eq. 8; Wu et al. eq. 15) against the exact policy
/// gradient of a toy glimpse problem small enough to enumerate: T = 3 frames, f_1 = 0, N_max = 3, the real
/// <see cref="LocationHead"/> (learned σ) reading fixed states s_1 and s_2 = S[f_2], the real stop rule and frame mapping,
/// reward <see cref="RewardWeights"/> with "correct" meaning frame 1 was glimpsed. J(θ) = Σ_τ p_θ(τ) R(τ) over the 7
/// trajectories has a closed form in Φ; its exact gradient is pushed through the head by autograd.
/// </summary>
public sealed class ReinforceGradientTests(ITestOutputHelper output)
{
    private const int FrameCount = 3;
    private const int MaxGlimpses = 3;
    private const int Samples = 4000;
    private const double K = 4;

    private static readonly float[][] States = [[0.5f, -0.2f], [1.0f, 0.3f], [-0.6f, 0.8f], [0.2f, 0.2f]];   // s_1, then S[0..2]
    private static readonly RewardWeights Weights = new(Scale: 1, Correct: 1, Wrong: -1, Sparsity: -0.1);

    [Fact]
    public void Monte_Carlo_gradient_matches_the_exact_policy_gradient_within_k_sigma_over_root_M()
    {
        var head = new LocationHead(2, 0.3, learnStandardDeviation: true, generator: new Generator(3));
        var baseline = new RewardBaseline(2, new Generator(4));
        var parameters = head.named_parameters().ToList();
        var exact = ExactGradient(head);

        var generator = new Generator(11);
        var perSample = new List<double[]>();
        var logProbabilities = new List<Tensor>();
        var rewards = new List<double>();
        var baselines = new List<Tensor>();
        for (int m = 0; m < Samples; m++)
        {
            var (logProbability, reward, b) = SampleTrajectory(head, baseline, generator);
            head.zero_grad(true);
            ReinforceLoss.Compute([logProbability], [reward], [b]).Policy.backward();
            perSample.Add(Flatten(parameters).Select(g => -g).ToArray());     // the estimate of ∇J is −∇(policy loss)
            logProbabilities.Add(logProbability);
            rewards.Add(reward);
            baselines.Add(b);
        }

        int dims = exact.Length;
        for (int k = 0; k < dims; k++)
        {
            double mean = perSample.Average(g => g[k]);
            double sigma = Math.Sqrt(perSample.Sum(g => (g[k] - mean) * (g[k] - mean)) / (Samples - 1));
            double bound = K * sigma / Math.Sqrt(Samples);
            output.WriteLine($"coordinate {k}: exact {exact[k]:F5}, estimate {mean:F5}, |diff| {Math.Abs(mean - exact[k]):F5}, k·σ/√M {bound:F5} (z = {(mean - exact[k]) / (sigma / Math.Sqrt(Samples)):F2})");
            Assert.True(Math.Abs(mean - exact[k]) <= bound, $"coordinate {k}: estimate {mean}, exact {exact[k]}, bound {bound}.");
        }

        // The batched loss over all M trajectories gives the mean of the per-trajectory estimates.
        head.zero_grad(true);
        ReinforceLoss.Compute(logProbabilities, rewards, baselines).Policy.backward();
        var batched = Flatten(parameters);
        for (int k = 0; k < dims; k++)
            Assert.True(Math.Abs(-batched[k] - perSample.Average(g => g[k])) <= 1e-4 * (1 + Math.Abs(batched[k])), $"batched coordinate {k}.");
    }

    [Fact]
    public void Exact_gradient_matches_finite_differences_of_the_enumerated_expected_reward()
    {
        var head = new LocationHead(2, 0.3, learnStandardDeviation: true, generator: new Generator(3));
        var exact = ExactGradient(head);
        const float eps = 1e-2f;
        int k = 0;
        foreach (var (name, parameter) in head.named_parameters().ToList())
        {
            for (int i = 0; i < parameter.numel(); i++, k++)
            {
                float saved = parameter.AsSpan()[i];
                parameter.AsSpan()[i] = saved + eps;
                double plus = ExpectedReward(head);
                parameter.AsSpan()[i] = saved - eps;
                double minus = ExpectedReward(head);
                parameter.AsSpan()[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                Assert.True(Math.Abs(numeric - exact[k]) <= 1e-3 * (1 + Math.Abs(numeric)), $"{name}[{i}]: exact {exact[k]}, numeric {numeric}.");
            }
        }
    }

    [Fact]
    public void Baseline_loss_trains_only_the_baseline_toward_the_rewards()
    {
        var head = new LocationHead(2, 0.3, learnStandardDeviation: true, generator: new Generator(3));
        var baseline = new RewardBaseline(2, new Generator(4));
        var optimizer = torch.optim.Adam(baseline.parameters(), lr: 0.05);
        var generator = new Generator(12);
        double first = 0, last = 0;
        for (int step = 0; step < 150; step++)
        {
            var batch = Enumerable.Range(0, 32).Select(_ => SampleTrajectory(head, baseline, generator)).ToList();
            var losses = ReinforceLoss.Compute(batch.Select(b => b.LogProbability).ToList(), batch.Select(b => b.Reward).ToList(),
                batch.Select(b => b.Baseline).ToList());
            head.zero_grad(true);
            optimizer.zero_grad();
            losses.Baseline.backward();
            if (step == 0) first = losses.Baseline.item();
            last = losses.Baseline.item();
            Assert.All(head.parameters(), p => Assert.Null(p.grad));
            optimizer.step();
        }

        output.WriteLine($"baseline MSE: first batch {first:F4}, last batch {last:F4}");
        Assert.True(last < 0.8 * first, $"baseline MSE {first} → {last}.");
    }

    /// <summary>One trajectory by the network's rules: f_1 = 0; while not stopped, a ~ π(·|s_n), f = ToFrame(a).</summary>
    private static (Tensor LogProbability, double Reward, Tensor Baseline) SampleTrajectory(LocationHead head, RewardBaseline baseline, Generator generator)
    {
        long frame = 0;
        int glimpses = 1;
        bool sawKeyFrame = false;
        var state = States[0];
        var logProbabilities = new List<Tensor>();
        var baselines = new List<Tensor>();
        while (!LocationHead.Stops(frame, FrameCount, glimpses, MaxGlimpses))
        {
            var s = torch.tensor(state, 1, 2);
            var mean = head.forward(s);
            var action = head.Policy(mean).sample(generator);
            logProbabilities.Add(head.LogProbability(mean, action));
            baselines.Add(baseline.forward(s));
            frame = LocationHead.ToFrame(action.item(), FrameCount);
            glimpses++;
            sawKeyFrame |= frame == 1;
            state = States[1 + frame];
        }

        return (torch.cat(logProbabilities, 0), Weights.Reward(sawKeyFrame, glimpses), torch.cat(baselines, 0));
    }

    /// <summary>The 7 trajectories after f_1 = 0: (f_2, f_3 or null when f_2 is the last frame, R).</summary>
    private static IEnumerable<(int F2, int? F3, double Reward)> Trajectories()
    {
        for (int f2 = 0; f2 < FrameCount; f2++)
        {
            if (f2 == FrameCount - 1)
            {
                yield return (f2, null, Weights.Reward(false, 2));
                continue;
            }

            for (int f3 = 0; f3 < FrameCount; f3++) yield return (f2, f3, Weights.Reward(f2 == 1 || f3 == 1, 3));
        }
    }

    /// <summary>J(θ) = Σ_τ p_θ(τ) R(τ).</summary>
    private static double ExpectedReward(LocationHead head)
    {
        using var _ = torch.no_grad();
        var mu = head.forward(torch.tensor(States.SelectMany(s => s).ToArray(), States.Length, 2)).ToArray();
        double sigma = head.StandardDeviation().item();
        return Trajectories().Sum(t => FrameProbability(t.F2, mu[0], sigma).P
            * (t.F3 is int f3 ? FrameProbability(f3, mu[1 + t.F2], sigma).P : 1) * t.Reward);
    }

    /// <summary>∇_θ J by enumeration: ∂J/∂μ_n and ∂J/∂σ in closed form, then one backward through the head.</summary>
    private static double[] ExactGradient(LocationHead head)
    {
        var means = head.forward(torch.tensor(States.SelectMany(s => s).ToArray(), States.Length, 2));   // μ(s_1), μ(S[0..2])
        var sigmaTensor = head.StandardDeviation();
        var mu = means.detach().ToArray().Select(v => (double)v).ToArray();
        double sigma = sigmaTensor.item();
        var dMu = new double[States.Length];
        double dSigma = 0;
        foreach (var (f2, f3, reward) in Trajectories())
        {
            var (p2, dp2Mu, dp2Sigma) = FrameProbability(f2, mu[0], sigma);
            var (p3, dp3Mu, dp3Sigma) = f3 is int last ? FrameProbability(last, mu[1 + f2], sigma) : (1.0, 0.0, 0.0);
            dMu[0] += reward * dp2Mu * p3;
            dMu[1 + f2] += reward * p2 * dp3Mu;
            dSigma += reward * (dp2Sigma * p3 + p2 * dp3Sigma);
        }

        head.zero_grad(true);
        var surrogate = means.mul(torch.tensor(dMu.Select(v => (float)v).ToArray(), States.Length)).sum() + sigmaTensor.sum() * (float)dSigma;
        surrogate.backward();
        return Flatten(head.named_parameters().ToList());
    }

    /// <summary>P(ToFrame(a) = f) for a ~ N(μ, σ²) and its derivatives in μ and σ; frame f covers positions
    /// [(f − ½)/(T − 1), (f + ½)/(T − 1)) clipped to the real line at the ends.</summary>
    private static (double P, double DMu, double DSigma) FrameProbability(int frame, double mu, double sigma)
    {
        double lo = frame == 0 ? double.NegativeInfinity : (frame - 0.5) / (FrameCount - 1);
        double hi = frame == FrameCount - 1 ? double.PositiveInfinity : (frame + 0.5) / (FrameCount - 1);
        double zl = (lo - mu) / sigma, zh = (hi - mu) / sigma;
        double p = Phi(zh) - Phi(zl);
        double dMu = (Density(zl) - Density(zh)) / sigma;
        double dSigma = (ZDensity(zl) - ZDensity(zh)) / sigma;
        return (p, dMu, dSigma);
    }

    private static double Density(double z) => double.IsInfinity(z) ? 0 : Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    private static double ZDensity(double z) => double.IsInfinity(z) ? 0 : z * Density(z);

    /// <summary>Standard normal CDF: ½ ± ∫_0^|z| φ by composite Simpson (4,000 panels, error far below 1e-9 here).</summary>
    private static double Phi(double z)
    {
        if (double.IsNegativeInfinity(z)) return 0;
        if (double.IsPositiveInfinity(z)) return 1;
        double a = Math.Min(Math.Abs(z), 12);
        const int panels = 4000;
        double h = a / panels, sum = Density(0) + Density(a);
        for (int i = 1; i < panels; i++) sum += (i % 2 == 1 ? 4 : 2) * Density(i * h);
        double half = sum * h / 3;
        return z >= 0 ? 0.5 + half : 0.5 - half;
    }

    private static double[] Flatten(List<(string name, Tensor parameter)> parameters) =>
        parameters.SelectMany(p => p.parameter.grad!.ToArray().Select(v => (double)v)).ToArray();
}
