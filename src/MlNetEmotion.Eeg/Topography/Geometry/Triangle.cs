namespace MlNetEmotion.Eeg.Topography.Geometry;

/// <summary>Three vertex indices of a triangle, counter-clockwise.</summary>
/// <param name="A">First vertex.</param>
/// <param name="B">Second vertex.</param>
/// <param name="C">Third vertex.</param>
public readonly record struct Triangle(int A, int B, int C)
{
    /// <summary>Vertex <paramref name="k"/> (0, 1 or 2).</summary>
    public int this[int k] => k switch { 0 => A, 1 => B, 2 => C, _ => throw new ArgumentOutOfRangeException(nameof(k)) };
}
