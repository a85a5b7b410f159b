using System.Collections.Concurrent;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Bashivan et al.'s EEG images (paper 000, step 3): band power of every channel in frame-aligned windows
/// (1/fps seconds), drawn as one topomap per band and frame. Output [frames, bands, H, W], float32. Interpolators are
/// built once per channel list and reused.</summary>
public sealed class BandTopomaps
{
    private readonly ConcurrentDictionary<string, TopomapInterpolator> _interpolators = new();
    private readonly Lazy<Montage> _montage;

    /// <summary>Creates the generator.</summary>
    public BandTopomaps(BandTopomapOptions? options = null)
    {
        Options = options ?? new BandTopomapOptions();
        Options.Topomap.Validate();
        if (!(Options.FrameRate > 0)) throw new ArgumentOutOfRangeException(nameof(options), Options.FrameRate, "The frame rate must be positive.");
        if (Options.Bands.Count == 0) throw new ArgumentException("At least one band is required.", nameof(options));
        _montage = new Lazy<Montage>(() => StandardMontages.CreateOrRead(Options.Montage));
    }

    /// <summary>The options.</summary>
    public BandTopomapOptions Options { get; }

    /// <summary>The interpolator for <paramref name="channels"/> (in data order) on the montage.</summary>
    /// <exception cref="UnknownChannelException">Channels missing from the montage.</exception>
    public TopomapInterpolator InterpolatorFor(IReadOnlyList<string> channels) =>
        _interpolators.GetOrAdd(string.Join('\u001f', channels),
            _ => TopomapInterpolator.Create(_montage.Value.Select(channels), Options.Topomap));

    /// <summary>Computes the topomaps of a multichannel signal.</summary>
    /// <param name="channels">Channel names, in data order.</param>
    /// <param name="data">Samples per channel (µV).</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <returns>The maps, row-major [frames, bands, Height, Width], and the frame count.</returns>
    public (float[] Maps, int Frames) Compute(IReadOnlyList<string> channels, IReadOnlyList<double[]> data, double samplingRate)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(data);
        if (channels.Count != data.Count) throw new ArgumentException($"{channels.Count} channel names for {data.Count} channels.");
        var interpolator = InterpolatorFor(channels);
        foreach (var band in Options.Bands) band.EnsureBelowNyquist(samplingRate, $"channel '{channels[0]}'");
        var windows = FrameWindows.ForFrameRate(data[0].Length, samplingRate, Options.FrameRate, Options.Overlap);
        int bands = Options.Bands.Count, n = channels.Count, pixels = interpolator.Height * interpolator.Width;
        if (windows.Count == 0) return ([], 0);
        var power = BandPower.Compute(data, samplingRate, windows, new BandPowerOptions
        {
            Bands = Options.Bands, Scale = Options.Scale, Method = Options.Method, MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism,
        });
        int frames = power.Windows;
        var values = new float[frames * bands * n]; // [frames, bands, channels]
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < n; c++)
                for (int b = 0; b < bands; b++)
                    values[(f * bands + b) * n + c] = (float)power[f, c, b];
        var maps = new float[frames * bands * pixels];
        interpolator.InterpolateBatch(values, maps, frames * bands);
        return (maps, frames);
    }
}
