namespace MlNetEmotion.Core.Imaging;

/// <summary>The fields of a PNG <c>IHDR</c> chunk.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BitDepth">Bits per sample (or per palette index): 1, 2, 4, 8 or 16.</param>
/// <param name="ColorType">Colour type.</param>
/// <param name="Interlaced">True for Adam7 interlacing.</param>
public sealed record PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    /// <summary>Samples per pixel as stored in the file (a palette index counts as one).</summary>
    public int StoredChannels => ColorType switch
    {
        PngColorType.Grey or PngColorType.Palette => 1,
        PngColorType.GreyAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    /// <summary>Bytes of one filtered scanline of <paramref name="width"/> pixels, without the filter byte.</summary>
    public int RowBytes(int width) => (int)(((long)width * StoredChannels * BitDepth + 7) / 8);
}
