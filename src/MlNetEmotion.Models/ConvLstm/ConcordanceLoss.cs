using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>
/// 1 − CCC, the concordance correlation coefficient of paper 001 (Mi et al.; SEEDS.md 001 step 5) as a training loss:
/// <c>CCC = 2·s_xy / (s_x² + s_y² + (μ_x − μ_y)²)</c> per output (valence, arousal) over every frame of the batch, with
/// population (1/N) moments; the loss is 1 minus the mean of the per-output coefficients.
/// </summary>
/// <remarks>
/// Differentiable (built from engine ops) in float32; <see cref="Concordance.Ccc"/> is the same formula in double for
/// evaluation. Undefined (0/0) when both series are constant and equal.
/// </remarks>
public sealed class ConcordanceLoss : Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss.</summary>
    public ConcordanceLoss() : base("ConcordanceLoss")
    {
    }

    /// <summary>Computes <c>1 − mean_d CCC_d</c>.</summary>
    /// <param name="input">Predictions <c>[..., D]</c> (D outputs per frame, e.g. valence and arousal).</param>
    /// <param name="target">Targets of the same shape.</param>
    /// <returns>A scalar tensor.</returns>
    public override Tensor forward(Tensor input, Tensor target)
    {
        if (!input.shape.SequenceEqual(target.shape))
            throw new ShapeMismatchException("ConcordanceLoss", input.shape, target.shape, "prediction and target must have the same shape");
        if (input.ndim < 1 || input.numel() == 0)
            throw new ShapeMismatchException("ConcordanceLoss", input.shape, target.shape, "expected [..., outputs] with at least one frame");
        long outputs = input.size(-1);
        var x = input.reshape(-1, outputs);
        var y = target.reshape(-1, outputs);
        var meanX = x.mean(0);
        var meanY = y.mean(0);
        var dx = x - meanX;
        var dy = y - meanY;
        var varX = dx.square().mean(0);
        var varY = dy.square().mean(0);
        var cov = (dx * dy).mean(0);
        var ccc = cov * 2f / (varX + varY + (meanX - meanY).square());
        return 1f - ccc.mean();
    }

    /// <inheritdoc/>
    public override string ToString() => "ConcordanceLoss()";
}
