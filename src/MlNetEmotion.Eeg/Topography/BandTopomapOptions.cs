using MlNetEmotion.Eeg.Features;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Options of <see cref="BandTopomaps"/>: frame-aligned band power turned into one topomap per band and frame.</summary>
public sealed class BandTopomapOptions
{
    /// <summary>Built-in montage name or a .elc/.txt/.sfp file. Default <c>standard_1020</c>.</summary>
    public string Montage { get; init; } = "standard_1020";

    /// <summary>Bands, one image each. Default theta 4–8, alpha 8–13, beta 13–30 Hz (paper 000).</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; init; } = FrequencyBand.ThetaAlphaBeta;

    /// <summary>Frames per second: one window of 1/fps seconds per frame. Default 8.</summary>
    public double FrameRate { get; init; } = 8;

    /// <summary>Window overlap fraction in [0, 1). Default 0.</summary>
    public double Overlap { get; init; }

    /// <summary>Absolute, relative or log band power. Default absolute.</summary>
    public BandPowerScale Scale { get; init; } = BandPowerScale.Absolute;

    /// <summary>Band-power estimator. Default <see cref="BandPowerMethod.FilterBank"/>: it resolves low bands in the short
    /// windows of video frame rates (a 1/8 s window holds half a theta cycle, and Welch's bins at 8 Hz spacing cannot
    /// separate theta from alpha), and it is the faster choice there. <see cref="BandPowerMethod.Welch"/> suits windows of a
    /// second or more.</summary>
    public BandPowerMethod Method { get; init; } = BandPowerMethod.FilterBank;

    /// <summary>Threads for one signal's band powers; -1 for all cores, 1 when signals are already processed in
    /// parallel. Default -1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Projection, grid, interpolation, size. Default MNE-style 32 × 32 Clough–Tocher.</summary>
    public TopomapOptions Topomap { get; init; } = new();
}
