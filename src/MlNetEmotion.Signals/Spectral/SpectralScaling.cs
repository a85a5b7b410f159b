namespace MlNetEmotion.Signals.Spectral;

/// <summary>Units of a Welch estimate.</summary>
public enum SpectralScaling
{
    /// <summary>Power spectral density, units²/Hz (SciPy's default).</summary>
    Density,

    /// <summary>Power spectrum, units² per bin.</summary>
    Spectrum,
}
