namespace MlNetEmotion.Eeg.Features;

/// <summary>How band powers are reported.</summary>
public enum BandPowerScale
{
    /// <summary>Absolute power in µV² (PSD integrated over the band, or mean square of the band-passed signal).</summary>
    Absolute,

    /// <summary>Absolute power divided by the sum of the configured bands' absolute powers (so the bands sum to 1).</summary>
    Relative,

    /// <summary>Natural logarithm of the absolute power (ln µV²); −∞ for a band with zero power.</summary>
    Log,
}
