using System.Globalization;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>The size every image of an image column shares: channels, height, width; 0 where it varies by row.</summary>
/// <param name="Channels">1 (grey) or 3 (RGB); 0 when unknown.</param>
/// <param name="Height">Height in pixels; 0 when it varies.</param>
/// <param name="Width">Width in pixels; 0 when it varies.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>True when channels, height and width are all fixed.</summary>
    public bool IsKnown => Channels > 0 && Height > 0 && Width > 0;

    /// <inheritdoc />
    public override string ToString() => $"{Show(Channels)}x{Show(Height)}x{Show(Width)} (CxHxW)";

    private static string Show(int d) => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : "?";
}
