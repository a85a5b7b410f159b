namespace MlNetEmotion.Eeg.Topography;

/// <summary>How 3-D electrode positions are flattened for a topomap; both are azimuthal-equidistant projections
/// from the vertex (distance on the image = polar angle from +z).</summary>
public enum TopomapProjection
{
    /// <summary>MNE's <c>_auto_topomap_coords</c>: about the head sphere's centre, polar angle scaled so the
    /// equator (polar angle π/2) lands at the electrode's distance from the centre; offset by the sphere's x, y.</summary>
    Mne,

    /// <summary>Bashivan et al. (2016) <c>azim_proj</c>: polar angle in radians, about the origin, no scaling.</summary>
    Bashivan,
}
