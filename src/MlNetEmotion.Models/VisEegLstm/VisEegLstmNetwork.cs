using MlNetEmotion.Neural;
using MlNetEmotion.Models.VideoEeg;

namespace MlNetEmotion.Models.VisEegLstm;

/// <summary>
/// The network of Liu et al., "Video-EEG based collaborative emotion recognition using LSTM and attention" (Fig. 2, 6):
/// a <see cref="BandImageCnn"/> per band, band attention (eq. 1–2), the shared-parameter glimpse LSTMs, an
/// <see cref="LstmCore"/>, the Gaussian location policy (eq. 7–8) and a softmax classifier on h_N.
/// Training losses: cross-entropy plus <see cref="Attention.BandBalancePenalty"/> (eq. 3), and REINFORCE (eq. 8–10)
/// for the location policy.
/// </summary>
public sealed class VisEegLstmNetwork : GlimpseSequenceNetwork
{
    /// <summary>Builds the network; <paramref name="seed"/> fixes the initial weights and the dropout masks.</summary>
    public VisEegLstmNetwork(VisEegLstmOptions options, long seed = 0) : this(options, new Generator(seed), new Generator(seed + 1))
    {
    }

    /// <summary>Builds the network drawing its weights and dropout masks from one <paramref name="generator"/> (a trainer's).</summary>
    public VisEegLstmNetwork(VisEegLstmOptions options, Generator generator) : this(options, generator, generator)
    {
    }

    private VisEegLstmNetwork(VisEegLstmOptions options, Generator weights, Generator dropout)
        : base("VisEegLstmNetwork", options, weights, dropout,
            generator => new BandImageCnn(options.ImageSize, options.ConvolutionChannels, options.BandFeatures, generator),
            (glimpseSize, generator, _) => new LstmCore(glimpseSize, options.CoreHidden, generator))
    {
    }
}
