using MlNetEmotion.Models.Attention;
using MlNetEmotion.Models.HierarchicalLstm;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>The recipe of a trained hierarchical LSTM (Wu et al.): a <see cref="HierarchicalLstmNetwork"/> whose
/// classification loss is CE − λP (eq. 10, <see cref="LayerAttentionPenalty"/>; plain CE with λ = 0).</summary>
/// <param name="network">Sizes.</param>
/// <param name="settings">Sampling, reward, ablations, λ.</param>
public sealed class HierarchicalLstmSpec(HierarchicalLstmOptions network, GlimpseSettings settings) : GlimpseSpec(network, settings)
{
    private HierarchicalLstmOptions Sizes => (HierarchicalLstmOptions)Network;

    /// <inheritdoc />
    public override GlimpseSequenceNetwork CreateNetwork(Generator generator) => new HierarchicalLstmNetwork(Sizes, generator);

    /// <inheritdoc />
    public override Tensor ClassificationLoss(GlimpseSequenceOutput output, Tensor target)
    {
        var crossEntropy = torch.nn.functional.cross_entropy(output.Logits, target);
        return Settings.PenaltyWeight > 0 && output.HiddenLayerWeights is { } alpha && output.CellLayerWeights is { } beta
            ? LayerAttentionPenalty.Loss(crossEntropy, alpha, beta, (float)Settings.PenaltyWeight)
            : crossEntropy;
    }

    /// <inheritdoc />
    public override IEnumerable<string> ZeroedParameters => Settings.LayerAttention
        ? base.ZeroedParameters
        : [.. base.ZeroedParameters, "core.hidden_attention.context.weight", "core.cell_attention.context.weight"];

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Sizes.BandHidden);
        writer.Write(Sizes.Layers);
        writer.Write(Sizes.CoreHidden);
        writer.Write(Sizes.AttentionSize);
        WriteShared(writer);
    }

    /// <summary>Reads a recipe written by <see cref="Write"/>.</summary>
    /// <param name="reader">Source.</param>
    public static HierarchicalLstmSpec Read(BinaryReader reader)
    {
        var own = new HierarchicalLstmOptions
        {
            BandHidden = reader.ReadInt32(), Layers = reader.ReadInt32(), CoreHidden = reader.ReadInt32(), AttentionSize = reader.ReadInt32(),
        };
        var (network, settings) = ReadShared(reader, own);
        return new HierarchicalLstmSpec(network, settings);
    }
}
