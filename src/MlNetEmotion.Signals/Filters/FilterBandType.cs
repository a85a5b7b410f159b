namespace MlNetEmotion.Signals.Filters;

/// <summary>Which band an IIR filter passes.</summary>
public enum FilterBandType
{
    /// <summary>Passes frequencies below the cutoff.</summary>
    LowPass,

    /// <summary>Passes frequencies above the cutoff.</summary>
    HighPass,

    /// <summary>Passes frequencies between the two band edges.</summary>
    BandPass,

    /// <summary>Rejects frequencies between the two band edges.</summary>
    BandStop,
}
