namespace MlNetEmotion.Models.VideoEeg;

/// <summary>
/// Sizes and settings shared by the video–EEG glimpse networks (Liu et al. vis-EEG-LSTM; Wu et al. IEEE Access 2020).
/// The papers fix the bands (θ, α, β), the classes (3) and N_max; the layer sizes are this toolkit's defaults.
/// </summary>
public record GlimpseNetworkOptions
{
    /// <summary>Size of the face feature vector per frame (the frozen face CNN's output).</summary>
    public int FaceFeatures { get; init; } = 64;

    /// <summary>EEG bands per frame (θ, α, β).</summary>
    public int Bands { get; init; } = 3;

    /// <summary>Side of the square EEG band images (Bashivan et al.'s 32×32 grid).</summary>
    public int ImageSize { get; init; } = 32;

    /// <summary>Size of each band feature e_i,n.</summary>
    public int BandFeatures { get; init; } = 64;

    /// <summary>Size of x_v,n and x_e,n.</summary>
    public int Features { get; init; } = 64;

    /// <summary>Hidden size of each of the glimpse's two shared-parameter LSTMs.</summary>
    public int GlimpseHidden { get; init; } = 64;

    /// <summary>Emotion classes (3: low / medium / high).</summary>
    public int Classes { get; init; } = 3;

    /// <summary>Standard deviation of the Gaussian location policy (in units of the trial length).</summary>
    public double LocationStandardDeviation { get; init; } = 0.1;

    /// <summary>Learn the location policy's standard deviation.</summary>
    public bool LearnLocationStandardDeviation { get; init; }

    /// <summary>Dropout probability before the classifier while training.</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>N_max, the most glimpses per trial.</summary>
    public int MaxGlimpses { get; init; } = 30;
}
