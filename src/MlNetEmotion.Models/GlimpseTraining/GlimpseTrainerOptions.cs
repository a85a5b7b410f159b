using MlNetEmotion.Models.Reinforce;
using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>Which inputs a glimpse network reads (the modality ablation of Liu et al. section 4 and Wu et al. section V).</summary>
public enum GlimpseModalities
{
    /// <summary>Face features and EEG band images.</summary>
    Both,

    /// <summary>Face features only: the EEG band images are replaced by zeros.</summary>
    FaceOnly,

    /// <summary>EEG band images only: the face features are replaced by zeros.</summary>
    EegOnly,
}

/// <summary>
/// Settings shared by the video–EEG glimpse trainers (Liu et al. vis-EEG-LSTM; Wu et al. hierarchical LSTM) on top of every
/// <see cref="NeuralTrainerOptions"/> setting. The feature columns are, in this order, a topomap-sequence column
/// <c>[T, 3, S, S]</c> (θ, α, β images per frame, e.g. from <c>mlContext.Transforms.Eeg.Topomaps</c>) and a per-frame face
/// feature column <c>[T, F]</c>, both Single tensors; with <see cref="NeuralTrainerOptions.LengthColumnName"/> each row
/// uses only its first <c>length</c> frames. Symbols follow the papers.
/// </summary>
public abstract class GlimpseTrainerOptions : NeuralTrainerOptions
{
    /// <summary>Sets the papers' shared defaults (feature columns "Topomaps" and "Faces", mini-batch 12) and the
    /// paper-specific N_max and dropout.</summary>
    /// <param name="maxGlimpses">N_max.</param>
    /// <param name="dropout">Dropout probability.</param>
    protected GlimpseTrainerOptions(int maxGlimpses, double dropout)
    {
        FeatureColumnNames = ["Topomaps", "Faces"];
        BatchSize = 12;
        MaxGlimpses = maxGlimpses;
        Dropout = dropout;
    }

    /// <summary>N_max, the most glimpses per trial (000: 30, 002: 40).</summary>
    public int MaxGlimpses { get; set; }

    /// <summary>Dropout probability while training (000: 0.5 before the classifier; 002: 0.6, also between layers).</summary>
    public double Dropout { get; set; }

    /// <summary>M, the glimpse sequences sampled per training trial for the REINFORCE estimate (the papers give no value).
    /// Default 4.</summary>
    public int SampledSequences { get; set; } = 4;

    /// <summary>λ_r (&gt; 0), the scale of the classification reward R′. Default 1.</summary>
    public double RewardScale { get; set; } = 1;

    /// <summary>λ_tp (&gt; 0), R′ when the final class is right. Default 1.</summary>
    public double RewardCorrect { get; set; } = 1;

    /// <summary>λ_fp (&lt; 0), R′ when the final class is wrong. Default −1.</summary>
    public double RewardWrong { get; set; } = -1;

    /// <summary>λ_sparse (≤ 0), the reward per glimpse (negative: reading fewer frames pays). Default −0.01.</summary>
    public double RewardSparsity { get; set; } = -0.01;

    /// <summary>R′, the classification part of the reward: <see cref="ClassificationReward.Sign"/> (the papers' λ_tp / λ_fp
    /// by the final class) or <see cref="ClassificationReward.LogProbability"/> (log p(true class), graded). Default Sign.</summary>
    public ClassificationReward Reward { get; set; } = ClassificationReward.Sign;

    /// <summary>σ of the Gaussian location policy, in units of the trial length. Default 0.1.</summary>
    public double LocationStandardDeviation { get; set; } = 0.1;

    /// <summary>Learn σ (as <c>log_std</c>) instead of keeping it fixed. Default false.</summary>
    public bool LearnLocationStandardDeviation { get; set; }

    /// <summary>Band attention (eq. 1–2); false for the ablation "without band attention", where θ_i = 1/3 for every band
    /// (the attention's score layer is held at zero). Default true.</summary>
    public bool BandAttention { get; set; } = true;

    /// <summary>Temporal hard attention (the location policy and REINFORCE); false for the ablation "without temporal
    /// attention", where the network reads min(T, N_max) frames evenly spaced over the trial. Default true.</summary>
    public bool TemporalAttention { get; set; } = true;

    /// <summary>Which inputs are read (face only, EEG only, both). Default both.</summary>
    public GlimpseModalities Modalities { get; set; } = GlimpseModalities.Both;

    /// <summary>Size of each band feature e_i,n. Default 64.</summary>
    public int BandFeatures { get; set; } = 64;

    /// <summary>Size of x_v,n and x_e,n. Default 64.</summary>
    public int Features { get; set; } = 64;

    /// <summary>Hidden size of each of the glimpse layer's two shared-parameter LSTMs. Default 64.</summary>
    public int GlimpseHidden { get; set; } = 64;

    /// <summary>The reward weights R = λ_r R′ + λ_sparse N.</summary>
    public RewardWeights Rewards => new(RewardScale, RewardCorrect, RewardWrong, RewardSparsity);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (FeatureColumnNames.Length != 2)
            throw new ArgumentOutOfRangeException(nameof(FeatureColumnNames), "Two feature columns are needed: the topomap sequences, then the face features.");
        if (MaxGlimpses < 1) throw new ArgumentOutOfRangeException(nameof(MaxGlimpses), MaxGlimpses, "N_max must be at least 1.");
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        if (SampledSequences < 1) throw new ArgumentOutOfRangeException(nameof(SampledSequences), SampledSequences, "M must be at least 1.");
        if (!(RewardScale > 0)) throw new ArgumentOutOfRangeException(nameof(RewardScale), RewardScale, "λ_r must be positive.");
        if (!(RewardCorrect > 0)) throw new ArgumentOutOfRangeException(nameof(RewardCorrect), RewardCorrect, "λ_tp must be positive.");
        if (!(RewardWrong < 0)) throw new ArgumentOutOfRangeException(nameof(RewardWrong), RewardWrong, "λ_fp must be negative.");
        if (RewardSparsity > 0) throw new ArgumentOutOfRangeException(nameof(RewardSparsity), RewardSparsity, "λ_sparse must not be positive.");
        if (!(LocationStandardDeviation > 0)) throw new ArgumentOutOfRangeException(nameof(LocationStandardDeviation), LocationStandardDeviation, "σ must be positive.");
        if (BandFeatures < 1 || Features < 1 || GlimpseHidden < 1) throw new ArgumentOutOfRangeException(nameof(Features), "Layer sizes must be positive.");
    }
}
