namespace MlNetEmotion.Eeg.Features;

/// <summary>Options of <see cref="DifferentialEntropy"/>.</summary>
public sealed class DifferentialEntropyOptions
{
    /// <summary>Bands. Default theta, alpha, beta, gamma.</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; set; } = FrequencyBand.Default;

    /// <summary>Butterworth prototype order of the zero-phase band-pass filters. Default 4.</summary>
    public int FilterOrder { get; set; } = 4;

    /// <summary>
    /// Use log base 2 instead of the natural log. Default false (nats, 0.5·ln(2πeσ²)). TorchEEG's
    /// <c>BandDifferentialEntropy</c> uses log2 (bits), and filters causally (<c>lfilter</c>, order 5);
    /// set this to true to match its scale.
    /// </summary>
    public bool Base2 { get; set; }

    /// <summary>Most channels (or band/channel pairs) processed at once; -1 (default) for all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;
}
