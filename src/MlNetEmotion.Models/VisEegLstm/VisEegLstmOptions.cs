using MlNetEmotion.Models.VideoEeg;

namespace MlNetEmotion.Models.VisEegLstm;

/// <summary>
/// Settings of the vis-EEG-LSTM network (Liu et al.): the shared ones plus the band CNN's channels and the core size.
/// Paper values: dropout 0.5, N_max = 30 (section 4.2).
/// </summary>
public sealed record VisEegLstmOptions : GlimpseNetworkOptions
{
    /// <summary>Channels of the band CNN's two convolutions.</summary>
    public (int First, int Second) ConvolutionChannels { get; init; } = (8, 16);

    /// <summary>Hidden size of the core LSTM.</summary>
    public int CoreHidden { get; init; } = 128;
}
