namespace MlNetEmotion.Eeg.Topography;

/// <summary>MNE's <c>extrapolate</c> modes: extra points added around the electrodes before triangulating, so the
/// interpolation reaches beyond the outermost electrodes.</summary>
public enum TopomapExtrapolation
{
    /// <summary>No extra points: the image is defined on the electrodes' convex hull only (Bashivan, scipy <c>griddata</c>).</summary>
    None,

    /// <summary>A ring of points outside the head circle (MNE's default for EEG, <c>'head'</c>).</summary>
    Head,

    /// <summary>The convex hull pushed out by the median inter-electrode distance (<c>'local'</c>).</summary>
    Local,

    /// <summary>Four corners of the electrodes' bounding box enlarged by its size on each side (<c>'box'</c>).</summary>
    Box,
}
