using MlNetEmotion.Neural;
using MlNetEmotion.Models.VideoEeg;

namespace MlNetEmotion.Models.HierarchicalLstm;

/// <summary>
/// The network of Wu et al., "Multimodal fused emotion recognition about expression-EEG interaction and collaboration
/// using deep learning" (IEEE Access 2020, Fig. 1, 3, 4): a <see cref="BandImageFc"/> per band, band attention (eq. 1–2),
/// the shared-parameter glimpse LSTMs, a <see cref="LayerAttentiveLstm"/> core (eq. 3–7), the Gaussian location policy
/// (eq. 14–15) and a softmax classifier. Training losses: <see cref="Attention.LayerAttentionPenalty.Loss"/> (eq. 8–10)
/// and REINFORCE (eq. 15–17) for the location policy. Dropout (0.6) applies between the stacked layers and before the classifier.
/// </summary>
public sealed class HierarchicalLstmNetwork : GlimpseSequenceNetwork
{
    /// <summary>Builds the network; <paramref name="seed"/> fixes the initial weights and the dropout masks.</summary>
    public HierarchicalLstmNetwork(HierarchicalLstmOptions options, long seed = 0) : this(options, new Generator(seed), new Generator(seed + 1))
    {
    }

    /// <summary>Builds the network drawing its weights and dropout masks from one <paramref name="generator"/> (a trainer's).</summary>
    public HierarchicalLstmNetwork(HierarchicalLstmOptions options, Generator generator) : this(options, generator, generator)
    {
    }

    private HierarchicalLstmNetwork(HierarchicalLstmOptions options, Generator weights, Generator dropout)
        : base("HierarchicalLstmNetwork", options, weights, dropout,
            generator => new BandImageFc(options.ImageSize, options.BandHidden, options.BandFeatures, generator),
            (glimpseSize, generator, dropoutGenerator) => new LayerAttentiveLstm(glimpseSize, options.CoreHidden, options.Layers,
                options.AttentionSize, options.Dropout, generator, dropoutGenerator))
    {
    }
}
