namespace MlNetEmotion.Signals.Wavelets;

/// <summary>Options of <see cref="WaveletDenoiser"/>.</summary>
public sealed class WaveletDenoiseOptions
{
    /// <summary>Wavelet name (see <see cref="Wavelet.Names"/>). Default <c>db4</c>, the usual choice for EEG.</summary>
    public string Wavelet { get; set; } = "db4";

    /// <summary>Decomposition levels; null (default) means the deepest useful level, <see cref="Dwt.MaxLevel(int, Wavelets.Wavelet)"/>.</summary>
    public int? Level { get; set; }

    /// <summary>Signal extension mode. Default <see cref="WaveletMode.Symmetric"/>.</summary>
    public WaveletMode Mode { get; set; } = WaveletMode.Symmetric;

    /// <summary>Shrinkage applied to every detail level. Default <see cref="ThresholdFunction.Soft"/>.</summary>
    public ThresholdFunction Function { get; set; } = ThresholdFunction.Soft;

    /// <summary>
    /// A fixed threshold in signal units; null (default) means the universal threshold
    /// <c>σ·√(2·ln n)</c> with <c>σ = median(|finest detail|)/0.6745</c>.
    /// </summary>
    public double? Threshold { get; set; }
}
