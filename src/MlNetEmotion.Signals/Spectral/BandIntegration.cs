namespace MlNetEmotion.Signals.Spectral;

/// <summary>How <see cref="BandPower"/> integrates a spectrum over a band.</summary>
public enum BandIntegration
{
    /// <summary>Trapezoidal rule over the bins inside the band (<c>numpy.trapz(psd[band], f[band])</c>).</summary>
    Trapezoid,

    /// <summary>Sum of the bins inside the band times the bin width (<c>psd[band].sum() · Δf</c>).</summary>
    Rectangle,
}
