using System.Globalization;
using System.Text;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Core.Imaging;

/// <summary>Netpbm PGM (grey, P2/P5) and PPM (RGB, P3/P6) reading and binary writing, 8 or 16 bits.</summary>
public static class Netpbm
{
    /// <summary>Reads a PGM or PPM file (ASCII or binary); samples are rescaled to 0..255 when maxval is not 255.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="ImageFormatException">The file is malformed or exceeds a limit; the message names the file and header field.</exception>
    public static Image<byte> Read(string path, ReadLimits? limits = null) =>
        Decode(InputFile.ReadAllBytes(path, limits, detail => new ImageFormatException(path, null, detail)), path, limits);

    /// <summary>Decodes PGM or PPM bytes; samples are rescaled to 0..255 when maxval is not 255.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="ImageFormatException">The content is malformed or exceeds a limit.</exception>
    public static Image<byte> Decode(ReadOnlySpan<byte> data, string name = "<memory>", ReadLimits? limits = null)
    {
        int pos = 0;
        string magic = Token(data, ref pos, name, "magic number");
        int channels = magic switch
        {
            "P2" or "P5" => 1,
            "P3" or "P6" => 3,
            _ => throw new ImageFormatException(name, "magic number", $"'{magic}' is not P2, P3, P5 or P6"),
        };
        int width = Number(data, ref pos, name, "width");
        int height = Number(data, ref pos, name, "height");
        int maxval = Number(data, ref pos, name, "maxval");
        if (width < 1 || height < 1) throw new ImageFormatException(name, "width/height", $"size {width}x{height} must be positive");
        if (maxval is < 1 or > 65535) throw new ImageFormatException(name, "maxval", $"{maxval} is outside 1..65535");
        long samples = (long)width * height * channels;
        ReadLimits.Check(samples, (limits ?? ReadLimits.Default).MaxElements, $"the sample count of a {width}x{height}x{channels} image",
            nameof(ReadLimits.MaxElements), detail => new ImageFormatException(name, "width/height", detail));
        // Every sample takes at least one byte of the file (binary) or a digit and a separator (ASCII).
        if (samples > data.Length - pos)
            throw new ImageFormatException(name, "raster", $"truncated: {data.Length - pos} bytes cannot hold {samples} samples");
        var image = new Image<byte>(width, height, channels);
        var dst = image.Pixels;
        bool binary = magic is "P5" or "P6";
        if (binary)
        {
            pos++; // exactly one whitespace byte follows maxval
            int sampleBytes = maxval < 256 ? 1 : 2;
            long needed = (long)dst.Length * sampleBytes;
            if (data.Length - pos < needed)
                throw new ImageFormatException(name, "raster", $"truncated: {data.Length - pos} bytes, expected {needed}");
            for (int i = 0; i < dst.Length; i++)
            {
                int v = sampleBytes == 1 ? data[pos + i] : (data[pos + 2 * i] << 8) | data[pos + 2 * i + 1];
                dst[i] = Scale(v, maxval, name, i);
            }
        }
        else
        {
            for (int i = 0; i < dst.Length; i++) dst[i] = Scale(Number(data, ref pos, name, $"sample {i}"), maxval, name, i);
        }
        return image;
    }

    /// <summary>Writes a binary PGM (1 channel) or PPM (3 channels, or 4 with alpha dropped; 2 channels drop alpha to PGM)
    /// through a temporary file.</summary>
    public static void Write(string path, Image<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var source = image.Channels switch { 1 or 3 => image, 2 => image.ToGrey(), _ => image.ToRgb() };
        var header = Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{(source.Channels == 1 ? "P5" : "P6")}\n{source.Width} {source.Height}\n255\n"));
        var bytes = new byte[header.Length + source.Pixels.Length];
        header.CopyTo(bytes, 0);
        source.Pixels.CopyTo(bytes, header.Length);
        PngEncoder.WriteAtomically(path, bytes);
    }

    private static byte Scale(int v, int maxval, string name, int index)
    {
        if (v > maxval) throw new ImageFormatException(name, "raster", $"sample {index} = {v} exceeds maxval {maxval}");
        return maxval == 255 ? (byte)v : (byte)((v * 255 + maxval / 2) / maxval);
    }

    private static int Number(ReadOnlySpan<byte> data, ref int pos, string name, string field)
    {
        string token = Token(data, ref pos, name, field);
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ImageFormatException(name, field, $"'{token}' is not a non-negative integer");
    }

    private static string Token(ReadOnlySpan<byte> data, ref int pos, string name, string field)
    {
        while (pos < data.Length)
        {
            if (data[pos] == '#') { while (pos < data.Length && data[pos] != '\n') pos++; }
            else if (char.IsWhiteSpace((char)data[pos])) pos++;
            else break;
        }
        int start = pos;
        while (pos < data.Length && !char.IsWhiteSpace((char)data[pos])) pos++;
        if (start == pos) throw new ImageFormatException(name, field, "file ends before this field");
        return Encoding.ASCII.GetString(data[start..pos]);
    }
}
