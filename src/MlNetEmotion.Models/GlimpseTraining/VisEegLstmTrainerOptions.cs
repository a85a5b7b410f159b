namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>Settings of <c>mlContext.MulticlassClassification.Trainers.VisEegLstm</c> (Liu et al., vis-EEG-LSTM): the
/// shared glimpse settings with the paper's N_max = 30 and dropout 0.5, plus μ of eq. 3 and the layer sizes.</summary>
public sealed class VisEegLstmTrainerOptions : GlimpseTrainerOptions
{
    /// <summary>Creates the options with the paper's values (N_max 30, dropout 0.5, μ 0.02, mini-batch 12, Adam).</summary>
    public VisEegLstmTrainerOptions() : base(maxGlimpses: 30, dropout: 0.5)
    {
    }

    /// <summary>μ, the weight of the band balance term of eq. 3 (0 switches it off). Default 0.02.</summary>
    public double Mu { get; set; } = Attention.BandBalancePenalty.DefaultWeight;

    /// <summary>Channels of the band CNN's two convolutions (a small stand-in for the paper's VGG-16). Default (8, 16).</summary>
    public (int First, int Second) ConvolutionChannels { get; set; } = (8, 16);

    /// <summary>Hidden size of the core LSTM (layer 2). Default 128.</summary>
    public int CoreHidden { get; set; } = 128;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (Mu < 0) throw new ArgumentOutOfRangeException(nameof(Mu), Mu, "μ must be non-negative.");
        if (ConvolutionChannels.First < 1 || ConvolutionChannels.Second < 1 || CoreHidden < 1)
            throw new ArgumentOutOfRangeException(nameof(CoreHidden), "Layer sizes must be positive.");
    }
}
