namespace MlNetEmotion.Eeg.Topography.Rendering;

/// <summary>Options of <see cref="TopomapRenderer"/>.</summary>
public sealed class TopomapRenderOptions
{
    /// <summary>Output pixels per topomap pixel across the head. Default 8 (a 32 × 32 map becomes about 320 × 320).</summary>
    public int Scale { get; init; } = 8;

    /// <summary>Colour map. Default <see cref="ColorMap.Viridis"/>.</summary>
    public ColorMap ColorMap { get; init; } = ColorMap.Viridis;

    /// <summary>Value at the low end of the colour map; null for the map's minimum.</summary>
    public double? Min { get; init; }

    /// <summary>Value at the high end of the colour map; null for the map's maximum.</summary>
    public double? Max { get; init; }

    /// <summary>Draw the head outline, nose and ears. Default true.</summary>
    public bool DrawHead { get; init; } = true;

    /// <summary>Draw a dot at every electrode. Default true.</summary>
    public bool DrawElectrodes { get; init; } = true;
}
