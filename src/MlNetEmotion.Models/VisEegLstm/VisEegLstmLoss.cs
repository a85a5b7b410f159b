using MlNetEmotion.Models.Attention;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.VisEegLstm;

/// <summary>
/// The classification loss of Liu et al. (vis-EEG-LSTM, eq. 3) as printed:
/// L = −Σ_k (y_k log p_k + (1 − y_k) log(1 − p_k)) + μ Σ_j (1/3 − (1/N) Σ_n θ_n,j)², with p = softmax(scores), y one-hot and
/// the second term <see cref="BandBalancePenalty"/> (μ = 0.02). Averaged over the batch; probabilities are clamped to
/// [1e-12, 1] inside the logarithms so a saturated softmax gives a large finite loss.
/// </summary>
public static class VisEegLstmLoss
{
    private const float Floor = 1e-12f;

    /// <summary>L for class scores <paramref name="logits"/> <c>[B, C]</c>, classes <paramref name="target"/> <c>[B]</c> (int64) and band
    /// weights <paramref name="bandWeights"/> <c>[B, N, bands]</c>.</summary>
    /// <returns>A scalar.</returns>
    public static Tensor Compute(Tensor logits, Tensor target, Tensor bandWeights, float mu = BandBalancePenalty.DefaultWeight)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var p = logits.softmax(1);
        var y = torch.nn.functional.one_hot(target, logits.size(1));
        var perClass = y * p.clamp_min(Floor).log() + (1f - y) * (1f - p).clamp_min(Floor).log();
        return -perClass.sum(1).mean() + BandBalancePenalty.Compute(bandWeights, mu);
    }
}
