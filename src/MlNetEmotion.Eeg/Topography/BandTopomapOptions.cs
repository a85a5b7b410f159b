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

    /// <summary>Projection, grid, interpolation, size. Default MNE-style 32 × 32 Clough–Tocher.</summary>
    public TopomapOptions Topomap { get; init; } = new();
}
