using MlNetEmotion.Models.Reinforce;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>What a glimpse trainer adds to the network: the REINFORCE sampling and reward, the ablation switches and the
/// weight of the paper's penalty; saved with the model.</summary>
/// <param name="SampledSequences">M, sequences sampled per training trial.</param>
/// <param name="Rewards">R = λ_r R′ + λ_sparse N.</param>
/// <param name="BandAttention">Band attention on (else θ_i = 1/bands).</param>
/// <param name="TemporalAttention">Temporal hard attention on (else evenly spaced frames).</param>
/// <param name="Modalities">Inputs read.</param>
/// <param name="PenaltyWeight">μ (000, eq. 3) or λ (002, eq. 10); 0 switches the penalty off.</param>
/// <param name="LayerAttention">Layer attention on (002; else every layer weighs 1/L).</param>
/// <param name="Reward">R′: ±1 by the final class, or log p(true class).</param>
public sealed record GlimpseSettings(int SampledSequences, RewardWeights Rewards, bool BandAttention, bool TemporalAttention,
    GlimpseModalities Modalities, double PenaltyWeight, bool LayerAttention, ClassificationReward Reward = ClassificationReward.Sign)
{
    /// <summary>The settings of <paramref name="options"/> with the paper's penalty weight.</summary>
    public static GlimpseSettings From(GlimpseTrainerOptions options, double penaltyWeight, bool layerAttention) =>
        new(options.SampledSequences, options.Rewards, options.BandAttention, options.TemporalAttention, options.Modalities, penaltyWeight, layerAttention,
            options.Reward);

    /// <summary>Writes the settings.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(SampledSequences);
        writer.Write(Rewards.Scale);
        writer.Write(Rewards.Correct);
        writer.Write(Rewards.Wrong);
        writer.Write(Rewards.Sparsity);
        writer.Write(BandAttention);
        writer.Write(TemporalAttention);
        writer.Write((int)Modalities);
        writer.Write(PenaltyWeight);
        writer.Write(LayerAttention);
        writer.Write((int)Reward);
    }

    /// <summary>Reads settings written by <see cref="Write"/>.</summary>
    public static GlimpseSettings Read(BinaryReader reader) =>
        new(reader.ReadInt32(), new RewardWeights(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()),
            reader.ReadBoolean(), reader.ReadBoolean(), (GlimpseModalities)reader.ReadInt32(), reader.ReadDouble(), reader.ReadBoolean(),
            (ClassificationReward)reader.ReadInt32());
}
