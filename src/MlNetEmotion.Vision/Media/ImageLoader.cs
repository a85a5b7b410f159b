using System.Globalization;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Media;

/// <summary>Reads any still image as 8-bit RGB: PNG and PGM/PPM with the managed decoders, every other format
/// (JPEG, BMP, TIFF, WebP, ...) through <c>ffmpeg -f rawvideo -pix_fmt rgb24</c>.</summary>
public static class ImageLoader
{
    private static readonly HashSet<string> StillImageExtensions =
        [".png", ".jpg", ".jpeg", ".bmp", ".ppm", ".pgm", ".pnm", ".webp", ".tif", ".tiff", ".gif"];

    /// <summary>Whether <paramref name="path"/> names a still image (by extension: PNG, JPEG, BMP, Netpbm, WebP, TIFF, GIF)
    /// rather than a video.</summary>
    public static bool IsStillImage(string path) => StillImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Loads <paramref name="path"/> as a 3-channel RGB image (alpha dropped, grey replicated).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ImageFormatException">A PNG/PGM/PPM file is malformed.</exception>
    /// <exception cref="MediaException">ffmpeg could not decode the file.</exception>
    public static Image<byte> LoadRgb(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Image file '{path}' does not exist.", path);
        var image = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => PngDecoder.Read(path),
            ".pgm" or ".ppm" or ".pnm" => Netpbm.Read(path),
            _ => DecodeWithFfmpeg(path),
        };
        return image.Channels == 3 ? image : image.ToRgb();
    }

    /// <summary>Decodes the first frame of <paramref name="path"/> with ffmpeg into RGB.</summary>
    public static Image<byte> DecodeWithFfmpeg(string path)
    {
        var info = VideoProbe.Probe(path);
        byte[] raw = Ffmpeg.Run("ffmpeg", path,
            ["-nostdin", "-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
        int expected = info.Width * info.Height * 3;
        if (raw.Length != expected)
            throw new MediaException(path, string.Create(CultureInfo.InvariantCulture,
                $"ffmpeg produced {raw.Length} bytes, expected {expected} for a {info.Width}x{info.Height} RGB frame"));
        return new Image<byte>(info.Width, info.Height, 3, raw);
    }
}
