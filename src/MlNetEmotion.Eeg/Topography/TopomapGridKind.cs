namespace MlNetEmotion.Eeg.Topography;

/// <summary>Where the square image's pixels are placed.</summary>
public enum TopomapGridKind
{
    /// <summary>MNE's square around the head circle (radius = sphere radius, enlarged when electrodes lie outside),
    /// <c>np.linspace</c> spacing.</summary>
    Head,

    /// <summary>Bashivan's bounding box of the projected electrodes, <c>np.mgrid[min:max:size*1j]</c> spacing.</summary>
    BoundingBox,
}
