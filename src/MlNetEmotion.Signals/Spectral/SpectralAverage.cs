namespace MlNetEmotion.Signals.Spectral;

/// <summary>How Welch's method combines the per-segment periodograms.</summary>
public enum SpectralAverage
{
    /// <summary>Arithmetic mean (SciPy's default).</summary>
    Mean,

    /// <summary>Median divided by the bias of the median of χ²₂ variables (robust to transients).</summary>
    Median,
}
