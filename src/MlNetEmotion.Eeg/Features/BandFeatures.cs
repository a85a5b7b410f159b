using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Eeg.Features;

/// <summary>Per-window, per-channel, per-band features, row-major [windows, channels, bands].</summary>
/// <param name="Values">The features, row-major [windows, channels, bands].</param>
/// <param name="Windows">Number of windows.</param>
/// <param name="Channels">Number of channels.</param>
/// <param name="Bands">The bands, in feature order.</param>
public sealed record BandFeatures(double[] Values, int Windows, int Channels, IReadOnlyList<FrequencyBand> Bands)
{
    /// <summary>Names of the channels, in feature order, when known (the pipeline sets them; topomaps need them).</summary>
    public IReadOnlyList<string>? ChannelNames { get; init; }

    /// <summary>The feature of window <paramref name="window"/>, channel <paramref name="channel"/>, band <paramref name="band"/>.</summary>
    /// <param name="window">Window index.</param>
    /// <param name="channel">Channel index.</param>
    /// <param name="band">Band index.</param>
    public double this[int window, int channel, int band] => Values[(window * Channels + channel) * Bands.Count + band];

    /// <summary>Checks that every feature is finite: a flat (zero-power) window has no logarithm, and a NaN sample spreads.</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">A feature is NaN or infinite; the message names window, channel, band and value.</exception>
    public BandFeatures EnsureFinite()
    {
        int i = Array.FindIndex(Values, v => !double.IsFinite(v));
        if (i < 0) return this;
        int band = i % Bands.Count, channel = i / Bands.Count % Channels, window = i / Bands.Count / Channels;
        string name = ChannelNames is { } names ? $"'{names[channel]}'" : channel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new ArgumentException(
            $"channel {name}, window {window}, band '{Bands[band].Name}': the feature is {Values[i]} " +
            "(a flat channel has zero power, whose logarithm is -infinity; a NaN sample gives NaN); expected a finite value.");
    }

    /// <summary>The features as a float64 NPY array of shape [windows, channels, bands].</summary>
    public NpyArray ToNpy() => new(Values, Windows, Channels, Bands.Count);
}
