namespace MlNetEmotion.Core.Imaging;

/// <summary>PNG colour types (IHDR byte 9).</summary>
public enum PngColorType : byte
{
    /// <summary>Greyscale, bit depths 1, 2, 4, 8, 16.</summary>
    Grey = 0,

    /// <summary>RGB, bit depths 8, 16.</summary>
    Rgb = 2,

    /// <summary>Palette indices, bit depths 1, 2, 4, 8.</summary>
    Palette = 3,

    /// <summary>Greyscale with alpha, bit depths 8, 16.</summary>
    GreyAlpha = 4,

    /// <summary>RGB with alpha, bit depths 8, 16.</summary>
    Rgba = 6,
}
