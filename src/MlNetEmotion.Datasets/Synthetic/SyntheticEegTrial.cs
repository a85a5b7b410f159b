using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Synthetic;

/// <summary>One synthetic trial: who, which trial, the reported ratings and the per-channel band powers.</summary>
public sealed class SyntheticEegTrial
{
    /// <summary>Subject id, e.g. "s01".</summary>
    public string Subject { get; set; } = "";

    /// <summary>1-based trial number within the subject.</summary>
    public int Trial { get; set; }

    /// <summary>Reported valence on 1..9.</summary>
    public float Valence { get; set; }

    /// <summary>Reported arousal on 1..9.</summary>
    public float Arousal { get; set; }

    /// <summary>Natural-log band power per channel and band, channel-major: [32 channels × 4 bands (theta, alpha, beta, gamma)].</summary>
    [VectorType(SyntheticEegGenerator.ChannelCount * SyntheticEegGenerator.BandCount)]
    public float[] BandPower { get; set; } = [];
}
