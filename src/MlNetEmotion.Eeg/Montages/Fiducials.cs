namespace MlNetEmotion.Eeg.Montages;

/// <summary>The three anatomical landmarks that define head coordinates.</summary>
/// <param name="Nasion">The nasion.</param>
/// <param name="Lpa">The left pre-auricular point.</param>
/// <param name="Rpa">The right pre-auricular point.</param>
public sealed record Fiducials(Point3 Nasion, Point3 Lpa, Point3 Rpa)
{
    /// <summary>The fsaverage (MNI) fiducials MNE substitutes for the <c>standard_*</c> montages
    /// (MNE's <c>get_mni_fiducials('fsaverage')</c>, metres).</summary>
    public static Fiducials Fsaverage { get; } = new(
        new Point3(0.0014676304, 0.08506715, -0.034836113),
        new Point3(-0.08061612, -0.029088752, -0.04131077),
        new Point3(0.08436285, -0.028502764, -0.041277435));
}
