namespace MlNetEmotion.Eeg.Topography;

/// <summary>The sphere MNE fits the head to for topomaps: centre and radius in metres, head coordinates.</summary>
/// <param name="X">Centre x.</param>
/// <param name="Y">Centre y.</param>
/// <param name="Z">Centre z.</param>
/// <param name="Radius">Radius.</param>
public readonly record struct HeadSphere(double X, double Y, double Z, double Radius)
{
    /// <summary>MNE's default sphere: the origin of head coordinates, radius 0.095 m.</summary>
    public static HeadSphere Default { get; } = new(0, 0, 0, 0.095);
}
