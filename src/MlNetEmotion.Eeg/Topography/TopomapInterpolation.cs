namespace MlNetEmotion.Eeg.Topography;

/// <summary>How values between electrodes are interpolated.</summary>
public enum TopomapInterpolation
{
    /// <summary>C1 piecewise-cubic Clough–Tocher on the Delaunay triangulation with curvature-minimising vertex
    /// gradients: scipy's <c>CloughTocher2DInterpolator</c>, <c>griddata(method='cubic')</c>, MNE's <c>'cubic'</c>.</summary>
    CloughTocher,

    /// <summary>Barycentric (piecewise-linear) on the Delaunay triangulation: scipy's <c>LinearNDInterpolator</c>.</summary>
    Linear,

    /// <summary>Value of the nearest point (electrode or extrapolation point): scipy's <c>NearestNDInterpolator</c>.</summary>
    Nearest,
}
