namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>An 8-bit-scale RGB colour (each channel 0..255, fractional values allowed before quantisation).</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
public readonly record struct RgbColor(float R, float G, float B)
{
    /// <summary>Brightness with BT.601 weights (as OpenCV's RGB-to-grey conversion).</summary>
    public float Luma => 0.299f * R + 0.587f * G + 0.114f * B;

    /// <summary>Each channel multiplied by <paramref name="factor"/>.</summary>
    /// <param name="color">The colour.</param>
    /// <param name="factor">Gain.</param>
    public static RgbColor operator *(RgbColor color, float factor) => new(color.R * factor, color.G * factor, color.B * factor);

    /// <summary>The colour a fraction <paramref name="t"/> of the way from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">Colour at t = 0.</param>
    /// <param name="to">Colour at t = 1.</param>
    /// <param name="t">Fraction, usually in [0, 1].</param>
    public static RgbColor Lerp(RgbColor from, RgbColor to, float t) =>
        new(from.R + (to.R - from.R) * t, from.G + (to.G - from.G) * t, from.B + (to.B - from.B) * t);
}
