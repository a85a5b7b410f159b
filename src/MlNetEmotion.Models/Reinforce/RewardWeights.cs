namespace MlNetEmotion.Models.Reinforce;

/// <summary>
/// The trajectory reward of Liu et al. (vis-EEG-LSTM, eq. 9–10) and Wu et al. (IEEE Access 2020, eq. 16–17):
/// R = λ_r · R′ + λ_sparse · N with R′ = λ_tp when the final class is right and λ_fp when wrong, N the number of
/// glimpses. The papers give only the signs (λ_r, λ_tp &gt; 0; λ_fp, λ_sparse &lt; 0); the values are this toolkit's defaults.
/// </summary>
/// <param name="Scale">λ_r (&gt; 0).</param>
/// <param name="Correct">λ_tp (&gt; 0).</param>
/// <param name="Wrong">λ_fp (&lt; 0).</param>
/// <param name="Sparsity">λ_sparse (&lt; 0), the cost of each glimpse.</param>
public sealed record RewardWeights(double Scale = 1, double Correct = 1, double Wrong = -1, double Sparsity = -0.01)
{
    /// <summary>R for a trajectory of <paramref name="glimpses"/> glimpses whose final class was <paramref name="correct"/>.</summary>
    public double Reward(bool correct, int glimpses) => Scale * (correct ? Correct : Wrong) + Sparsity * glimpses;

    /// <summary>R for a trajectory of <paramref name="glimpses"/> glimpses with R′ = <paramref name="logProbability"/>,
    /// log p(true class) (<see cref="ClassificationReward.LogProbability"/>).</summary>
    public double Reward(double logProbability, int glimpses) => Scale * logProbability + Sparsity * glimpses;
}
