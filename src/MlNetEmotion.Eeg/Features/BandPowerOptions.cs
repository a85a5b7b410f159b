using MlNetEmotion.Signals.Spectral;

namespace MlNetEmotion.Eeg.Features;

/// <summary>Options of <see cref="BandPower"/>.</summary>
public sealed class BandPowerOptions
{
    /// <summary>Bands to measure. Default theta 4–8, alpha 8–13, beta 13–30, gamma 30–45 Hz.</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; set; } = FrequencyBand.Default;

    /// <summary>Absolute, relative or log power. Default <see cref="BandPowerScale.Absolute"/>.</summary>
    public BandPowerScale Scale { get; set; } = BandPowerScale.Absolute;

    /// <summary>Estimator. Default <see cref="BandPowerMethod.Welch"/>.</summary>
    public BandPowerMethod Method { get; set; } = BandPowerMethod.Welch;

    /// <summary>Welch options applied inside each window; null means SciPy's defaults.</summary>
    public WelchOptions? Welch { get; set; }

    /// <summary>Butterworth prototype order of the filter bank (band-pass filters have twice as many poles). Default 4.</summary>
    public int FilterOrder { get; set; } = 4;

    /// <summary>Most channels (or band/channel pairs) processed at once; -1 (default) for all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;
}
