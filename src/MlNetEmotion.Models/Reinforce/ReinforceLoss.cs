using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Reinforce;

/// <summary>
/// The Monte-Carlo policy gradient of Liu et al. (vis-EEG-LSTM, eq. 4–8, 11) and Wu et al. (IEEE Access 2020,
/// eq. 11–15, 18) as losses to minimise: for M sampled trajectories with rewards R_m and actions a_m,n,
/// ∇J ≈ (1/M) Σ_m Σ_n ∇ log π(a_m,n | s_m,n) (R_m − b_m,n), so the policy loss is
/// −(1/M) Σ_m Σ_n log π(a_m,n | s_m,n) · (R_m − b_m,n) with the baseline b held constant, and the baseline loss is the
/// mean squared error (1/Σ_m N_m) Σ_m Σ_n (b_m,n − R_m)². Trajectories may differ in length.
/// </summary>
public static class ReinforceLoss
{
    /// <summary>The two losses.</summary>
    /// <param name="logProbabilities">Per trajectory, log π(a_n | s_n) for its actions, <c>[N_m]</c>.</param>
    /// <param name="rewards">Per trajectory, R_m.</param>
    /// <param name="baselines">Per trajectory, b_n for its actions, <c>[N_m]</c> (null: no baseline).</param>
    public static ReinforceLosses Compute(IReadOnlyList<Tensor> logProbabilities, IReadOnlyList<double> rewards,
        IReadOnlyList<Tensor>? baselines = null)
    {
        ArgumentNullException.ThrowIfNull(logProbabilities);
        ArgumentNullException.ThrowIfNull(rewards);
        int m = logProbabilities.Count;
        if (m == 0 || rewards.Count != m || (baselines is not null && baselines.Count != m))
            throw new ArgumentException($"ReinforceLoss: {m} trajectories, {rewards.Count} rewards, {baselines?.Count} baselines.");
        Tensor policy = torch.zeros(1).sum(), baseline = torch.zeros(1).sum();
        long actions = 0;
        for (int i = 0; i < m; i++)
        {
            var reward = (float)rewards[i];
            if (logProbabilities[i].numel() == 0) continue;
            if (baselines is null)
            {
                policy = policy + logProbabilities[i].sum() * reward;
                continue;
            }

            var advantage = (reward - baselines[i].detach());
            policy = policy + logProbabilities[i].mul(advantage).sum();
            baseline = baseline + (baselines[i] - reward).square().sum();
            actions += baselines[i].numel();
        }

        return new ReinforceLosses(policy * (-1f / m), actions > 0 ? baseline * (1f / actions) : baseline);
    }
}

/// <summary>Output of <see cref="ReinforceLoss.Compute"/>.</summary>
/// <param name="Policy">The surrogate whose gradient is −∇J (minimise it).</param>
/// <param name="Baseline">The baseline's mean squared error to the rewards (zero without a baseline).</param>
public sealed record ReinforceLosses(Tensor Policy, Tensor Baseline)
{
    /// <summary>Policy + baseline loss.</summary>
    public Tensor Total => Policy + Baseline;
}
