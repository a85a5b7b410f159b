using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Attention;

/// <summary>
/// The band regulariser of Liu et al. (vis-EEG-LSTM, eq. 3): μ · Σ_j (1/J − (1/N) Σ_n θ_n,j)², which keeps the band
/// attention from collapsing onto one band (paper: μ = 0.02, J = 3 bands). Averaged over the batch.
/// </summary>
public static class BandBalancePenalty
{
    /// <summary>The paper's weight μ.</summary>
    public const float DefaultWeight = 0.02f;

    /// <summary>The penalty for band weights <paramref name="weights"/> <c>[B, N, J]</c> (θ per step).</summary>
    /// <param name="weights">Band attention weights over N steps.</param>
    /// <param name="mu">The weight μ.</param>
    /// <returns>A scalar.</returns>
    public static Tensor Compute(Tensor weights, float mu = DefaultWeight)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.ndim != 3) throw new ArgumentException($"BandBalancePenalty: weights must be [B, N, bands], got {weights.ndim} dims.", nameof(weights));
        float uniform = 1f / weights.size(2);
        var deviation = weights.mean(1) - uniform;
        return deviation.square().sum(1).mean() * mu;
    }
}
