using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Signals.Spectral;

/// <summary>Options of <see cref="Welch"/>; the defaults are <c>scipy.signal.welch</c>'s.</summary>
public sealed class WelchOptions
{
    /// <summary>Samples per segment (<c>nperseg</c>); null means 256, or the whole signal when it is shorter.</summary>
    public int? SegmentLength { get; set; }

    /// <summary>Samples shared by consecutive segments (<c>noverlap</c>); null means half a segment.</summary>
    public int? Overlap { get; set; }

    /// <summary>Window shape, applied periodic (SciPy's <c>get_window</c> convention). Default <see cref="WindowKind.Hann"/>.</summary>
    public WindowKind Window { get; set; } = WindowKind.Hann;

    /// <summary>Subtract each segment's mean before windowing (SciPy's <c>detrend='constant'</c>). Default true.</summary>
    public bool RemoveSegmentMean { get; set; } = true;

    /// <summary>How segments are averaged. Default <see cref="SpectralAverage.Mean"/>.</summary>
    public SpectralAverage Average { get; set; } = SpectralAverage.Mean;

    /// <summary>Density or spectrum scaling. Default <see cref="SpectralScaling.Density"/>.</summary>
    public SpectralScaling Scaling { get; set; } = SpectralScaling.Density;
}
