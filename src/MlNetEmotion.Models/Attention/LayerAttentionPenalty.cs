using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Attention;

/// <summary>
/// The layer-diversity term of Wu et al. (IEEE Access 2020, eq. 8–10):
/// P = (1/T) Σ_t Σ_l ((α_tl − μ_t)² + (β_tl − η_t)²) with μ_t, η_t the means over the L layers (eq. 9) of the hidden-state
/// weights α and the cell-state weights β, i.e. L times their population variance over layers, averaged over time
/// (and here over the batch). The loss is L_d = CE − λP (eq. 10), paper λ = 1: the term rewards diverse layer weights.
/// </summary>
public static class LayerAttentionPenalty
{
    /// <summary>The paper's λ.</summary>
    public const float DefaultWeight = 1f;

    /// <summary>P for layer weights <c>[B, T, L]</c> of the hidden (<paramref name="hiddenWeights"/>) and cell
    /// (<paramref name="cellWeights"/>) states.</summary>
    /// <returns>A scalar.</returns>
    public static Tensor Compute(Tensor hiddenWeights, Tensor cellWeights) =>
        SquaredDeviation(hiddenWeights) + SquaredDeviation(cellWeights);

    /// <summary>The loss of eq. 10: <paramref name="crossEntropy"/> − <paramref name="lambda"/>·P.</summary>
    public static Tensor Loss(Tensor crossEntropy, Tensor hiddenWeights, Tensor cellWeights, float lambda = DefaultWeight) =>
        crossEntropy - Compute(hiddenWeights, cellWeights) * lambda;

    private static Tensor SquaredDeviation(Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.ndim != 3) throw new ArgumentException($"LayerAttentionPenalty: weights must be [B, T, L], got {weights.ndim} dims.", nameof(weights));
        var deviation = weights - weights.mean(2, keepdim: true);              // eq. 9
        return deviation.square().sum(2).mean();                               // eq. 8, mean over t and batch
    }
}
