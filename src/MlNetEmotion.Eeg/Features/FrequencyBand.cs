using System.Globalization;

namespace MlNetEmotion.Eeg.Features;

/// <summary>A named frequency band [<paramref name="Low"/>, <paramref name="High"/>) in Hz.</summary>
/// <param name="Name">Band name, e.g. <c>alpha</c>.</param>
/// <param name="Low">Lower edge in Hz (included).</param>
/// <param name="High">Upper edge in Hz (excluded for spectral bins; the band-pass cutoff for filter-bank features).</param>
public sealed record FrequencyBand(string Name, double Low, double High)
{
    /// <summary>Theta, 4–8 Hz.</summary>
    public static FrequencyBand Theta { get; } = new("theta", 4, 8);

    /// <summary>Alpha, 8–13 Hz.</summary>
    public static FrequencyBand Alpha { get; } = new("alpha", 8, 13);

    /// <summary>Beta, 13–30 Hz.</summary>
    public static FrequencyBand Beta { get; } = new("beta", 13, 30);

    /// <summary>Gamma, 30–45 Hz.</summary>
    public static FrequencyBand Gamma { get; } = new("gamma", 30, 45);

    /// <summary>The default bands: theta, alpha, beta, gamma.</summary>
    public static IReadOnlyList<FrequencyBand> Default { get; } = [Theta, Alpha, Beta, Gamma];

    /// <summary>Theta, alpha and beta: the three EEG images of papers 000 and 002.</summary>
    public static IReadOnlyList<FrequencyBand> ThetaAlphaBeta { get; } = [Theta, Alpha, Beta];

    /// <summary>Parses <c>name:low-high</c> items separated by commas, e.g. <c>theta:4-8,alpha:8-13</c>.</summary>
    /// <param name="text">The band list.</param>
    /// <exception cref="FormatException">An item is malformed or has low ≥ high; the message quotes it.</exception>
    public static IReadOnlyList<FrequencyBand> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bands = new List<FrequencyBand>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = item.IndexOf(':');
            int dash = colon < 0 ? -1 : item.IndexOf('-', colon + 1);
            if (colon <= 0 || dash < 0
                || !double.TryParse(item.AsSpan(colon + 1, dash - colon - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
                || !double.TryParse(item.AsSpan(dash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double high))
                throw new FormatException($"Band '{item}' is not of the form name:low-high (e.g. alpha:8-13).");
            if (!(low >= 0 && high > low))
                throw new FormatException($"Band '{item}': the low edge {low} Hz must be non-negative and below the high edge {high} Hz.");
            bands.Add(new FrequencyBand(item[..colon], low, high));
        }
        if (bands.Count == 0) throw new FormatException("The band list is empty.");
        return bands;
    }

    /// <summary>Throws when the band cannot be resolved at <paramref name="samplingRate"/> (high edge at or above Nyquist).</summary>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="source">What is sampled at that rate, for the message: a file path, or a channel description.</param>
    /// <exception cref="ArgumentOutOfRangeException">The high edge is at or above Nyquist.</exception>
    public void EnsureBelowNyquist(double samplingRate, string source)
    {
        if (High >= samplingRate / 2)
            throw new ArgumentOutOfRangeException(nameof(High), High,
                $"Band '{Name}' ({Low}-{High} Hz) reaches the Nyquist frequency {samplingRate / 2} Hz of {source} ({samplingRate} Hz).");
    }
}
