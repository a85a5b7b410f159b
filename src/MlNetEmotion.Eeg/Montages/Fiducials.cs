namespace MlNetEmotion.Eeg.Montages;

/// <summary>The three anatomical landmarks that define head coordinates.</summary>
/// <param name="Nasion">The nasion.</param>
/// <param name="Lpa">The left pre-auricular point.</param>
/// <param name="Rpa">The right pre-auricular point.</param>
public sealed record Fiducials(Point3 Nasion, Point3 Lpa, Point3 Rpa)
{
    /// <summary>True when the landmarks are single-precision values (MNE's fsaverage fiducials, <c>.sfp</c> files):
    /// MNE then computes the head transform in single precision, and so does <see cref="HeadCoordinates"/>.</summary>
    public bool SinglePrecision { get; init; }

    /// <summary>The fsaverage (MNI) fiducials MNE substitutes for the <c>standard_*</c> montages
    /// (MNE's <c>get_mni_fiducials('fsaverage')</c>, metres).</summary>
    public static Fiducials Fsaverage { get; } = new(
        new Point3(0.0014676304f, 0.08506715f, -0.034836113f),
        new Point3(-0.08061612f, -0.029088752f, -0.04131077f),
        new Point3(0.08436285f, -0.028502764f, -0.041277435f)) { SinglePrecision = true };
}
