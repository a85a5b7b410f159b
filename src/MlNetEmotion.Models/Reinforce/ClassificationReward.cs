namespace MlNetEmotion.Models.Reinforce;

/// <summary>R′, the classification part of a glimpse sequence's reward R = λ_r R′ + λ_sparse N.</summary>
public enum ClassificationReward
{
    /// <summary>The papers' reward: λ_tp when the final class is right, λ_fp when wrong (Liu et al. eq. 9–10; Wu et al.
    /// eq. 16–17).</summary>
    Sign,

    /// <summary>log p(true class) of the sequence's final class scores: a graded reward, so a sequence that reads the
    /// deciding frames pays even while the classifier is still weak and every sequence's argmax is wrong (a standard
    /// variance-reducing choice the papers leave open; its maximum, 0, is reached by a certain right answer).</summary>
    LogProbability,
}
