namespace MlNetEmotion.Eeg.Topography;

/// <summary>Options of a topomap interpolator. Defaults reproduce MNE's <c>plot_topomap</c> for EEG
/// (projection about the default sphere, head grid, <c>extrapolate='head'</c>, <c>border='mean'</c>, cubic) at 32 × 32.</summary>
public sealed class TopomapOptions
{
    /// <summary>Projection of 3-D positions. Default <see cref="TopomapProjection.Mne"/>.</summary>
    public TopomapProjection Projection { get; init; } = TopomapProjection.Mne;

    /// <summary>Head sphere for the MNE projection and head grid. Default <see cref="HeadSphere.Default"/>.</summary>
    public HeadSphere Sphere { get; init; } = HeadSphere.Default;

    /// <summary>Pixel placement. Default <see cref="TopomapGridKind.Head"/>.</summary>
    public TopomapGridKind Grid { get; init; } = TopomapGridKind.Head;

    /// <summary>Extra points outside the electrodes. Default <see cref="TopomapExtrapolation.Head"/>.</summary>
    public TopomapExtrapolation Extrapolation { get; init; } = TopomapExtrapolation.Head;

    /// <summary>Value at the extra points: null for MNE's <c>border='mean'</c> (mean of the electrodes each extra point
    /// is joined to), or a constant. Default null.</summary>
    public double? Border { get; init; }

    /// <summary>Interpolation scheme. Default <see cref="TopomapInterpolation.CloughTocher"/>.</summary>
    public TopomapInterpolation Interpolation { get; init; } = TopomapInterpolation.CloughTocher;

    /// <summary>Image width and height in pixels. Default 32.</summary>
    public int Size { get; init; } = 32;

    /// <summary>Value of pixels outside the triangulation (and outside the head when <see cref="MaskOutsideHead"/>).
    /// Default 0 (what Bashivan's <c>nan_to_num</c> leaves); use <see cref="float.NaN"/> for scipy's fill.</summary>
    public float FillValue { get; init; }

    /// <summary>Sets pixels outside the head circle to <see cref="FillValue"/> (MNE clips them when drawing). Default false.</summary>
    public bool MaskOutsideHead { get; init; }

    /// <summary>Bashivan et al. (2016) images: <c>azim_proj</c>, bounding-box grid, no extrapolation, cubic, 32 × 32.</summary>
    public static TopomapOptions Bashivan { get; } = new()
    {
        Projection = TopomapProjection.Bashivan,
        Grid = TopomapGridKind.BoundingBox,
        Extrapolation = TopomapExtrapolation.None,
    };

    internal void Validate()
    {
        if (Size < 2 || Size > 4096) throw new ArgumentOutOfRangeException(nameof(Size), Size, "Topomap size must be between 2 and 4096 pixels.");
        if (!(Sphere.Radius > 0)) throw new ArgumentOutOfRangeException(nameof(Sphere), Sphere, "Head sphere radius must be positive.");
    }
}
