namespace MlNetEmotion.Eeg.Montages;

/// <summary>The coordinate frame electrode positions are expressed in (MNE's names).</summary>
public enum CoordinateFrame
{
    /// <summary>The file's own frame; fiducials, when present, define the way to head coordinates.</summary>
    Unknown,

    /// <summary>MRI (fsaverage / MNI) coordinates: MNE's <c>standard_*</c> montages.</summary>
    Mri,

    /// <summary>Neuromag head coordinates: x through the right pre-auricular point, y through the nasion, z up.</summary>
    Head,
}
