using System.Globalization;
using System.Text;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Media;

/// <summary>Reads YUV4MPEG2 (<c>.y4m</c>) video without ffmpeg: 8-bit 4:2:0 (every chroma siting tag), 4:2:2, 4:4:4 and
/// mono, converted to RGB with the BT.601 matrix (limited range, or full range for ffmpeg's <c>XCOLORRANGE=FULL</c>) and
/// nearest-neighbour chroma, as ffmpeg's default conversion does to within a few grey levels; mono luma is copied to
/// R, G and B as ffmpeg does. Interlace and aspect tags and frame parameters are ignored.</summary>
public sealed class Y4mReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _chromaShiftX, _chromaShiftY;
    private readonly bool _mono;
    private readonly bool _fullRange;
    private long _index;

    /// <summary>Opens <paramref name="path"/> and parses its stream header.</summary>
    /// <exception cref="MediaException">The header is malformed or uses an unsupported colour space.</exception>
    public Y4mReader(string path)
    {
        Path = path;
        _stream = new BufferedStream(InputFile.OpenRead(path, null, detail => new MediaException(path, detail)), 1 << 16);
        try
        {
            string header = ReadLine("stream header");
            var fields = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0] != "YUV4MPEG2") throw new MediaException(path, "not a YUV4MPEG2 file");
            int width = 0, height = 0, num = 25, den = 1;
            string colour = "420jpeg";
            foreach (var f in fields.Skip(1))
            {
                string v = f[1..];
                switch (f[0])
                {
                    case 'W': width = Field(f, v); break;
                    case 'H': height = Field(f, v); break;
                    case 'F':
                        var r = v.Split(':');
                        if (r.Length != 2) throw BadField(f, "a frame rate as F<numerator>:<denominator>");
                        (num, den) = (Field(f, r[0]), Field(f, r[1]));
                        break;
                    case 'C': colour = v; break;
                    case 'X' when v.Equals("COLORRANGE=FULL", StringComparison.OrdinalIgnoreCase): _fullRange = true; break;
                }
            }
            if (width <= 0 || height <= 0) throw new MediaException(path, $"stream header '{header}' lacks a positive W and H");
            if (num <= 0 || den <= 0) throw new MediaException(path, $"stream header '{header}': frame rate F{num}:{den} must be positive");
            (_chromaShiftX, _chromaShiftY, _mono) = colour switch
            {
                "420" or "420jpeg" or "420paldv" or "420mpeg2" => (1, 1, false),
                "422" => (1, 0, false),
                "444" => (0, 0, false),
                "mono" => (0, 0, true),
                _ => throw new MediaException(path, $"colour space C{colour} is not supported (8-bit 420, 422, 444 or mono)"),
            };
            ReadLimits.Check((long)width * height * 3, Math.Min(ReadLimits.Default.MaxElements, Array.MaxLength), $"the sample count of a {width}x{height} RGB frame",
                nameof(ReadLimits.MaxElements), detail => new MediaException(path, detail));
            Width = width;
            Height = height;
            FrameRate = (double)num / den;
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Frame width.</summary>
    public int Width { get; }

    /// <summary>Frame height.</summary>
    public int Height { get; }

    /// <summary>Frames per second from the header.</summary>
    public double FrameRate { get; }

    /// <summary>Reads the next frame, or null at the end of the file.</summary>
    /// <exception cref="MediaException">A frame is cut short; the message names the frame.</exception>
    public VideoFrame? ReadFrame()
    {
        if (_stream.Position >= _stream.Length) return null;
        string marker = ReadLine($"frame {_index} header");
        if (!marker.StartsWith("FRAME", StringComparison.Ordinal)) throw new MediaException(Path, $"frame {_index}: expected FRAME, found '{marker}'");
        int cw = (Width + (1 << _chromaShiftX) - 1) >> _chromaShiftX, chh = (Height + (1 << _chromaShiftY) - 1) >> _chromaShiftY;
        int size = Width * Height + (_mono ? 0 : 2 * cw * chh);
        if (size > _stream.Length - _stream.Position)
            throw new MediaException(Path, $"frame {_index} is cut short (expected {size} bytes, {_stream.Length - _stream.Position} remain)");
        var planes = new byte[size];
        if (_stream.ReadAtLeast(planes, size, throwOnEndOfStream: false) < size)
            throw new MediaException(Path, $"frame {_index} is cut short (expected {size} bytes)");
        var image = new Image<byte>(Width, Height, 3);
        var dst = image.Pixels;
        int uOffset = Width * Height, vOffset = uOffset + cw * chh;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int luma = planes[y * Width + x];
                int o = (y * Width + x) * 3;
                if (_mono)
                {
                    dst[o] = dst[o + 1] = dst[o + 2] = (byte)luma;
                    continue;
                }
                int ci = (y >> _chromaShiftY) * cw + (x >> _chromaShiftX);
                int u = planes[uOffset + ci] - 128, v = planes[vOffset + ci] - 128;
                if (_fullRange)
                {
                    dst[o] = Clamp(luma + 1.402 * v);
                    dst[o + 1] = Clamp(luma - 0.344136 * u - 0.714136 * v);
                    dst[o + 2] = Clamp(luma + 1.772 * u);
                    continue;
                }
                double yy = 1.164383 * (luma - 16);
                dst[o] = Clamp(yy + 1.596027 * v);
                dst[o + 1] = Clamp(yy - 0.391762 * u - 0.812968 * v);
                dst[o + 2] = Clamp(yy + 2.017232 * u);
            }
        }
        var frame = new VideoFrame(_index, _index / FrameRate, image);
        _index++;
        return frame;
    }

    /// <summary>All remaining frames.</summary>
    public IEnumerable<VideoFrame> ReadFrames()
    {
        while (ReadFrame() is { } frame) yield return frame;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _stream.Dispose();

    private int Field(string field, string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw BadField(field, "a whole number");

    private MediaException BadField(string field, string expected) =>
        new(Path, $"stream header field '{field}' is not valid: expected {expected}");

    private static byte Clamp(double v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)Math.Round(v);

    private string ReadLine(string what)
    {
        var sb = new StringBuilder();
        int b;
        while ((b = _stream.ReadByte()) != '\n')
        {
            if (b < 0 || sb.Length > 4096) throw new MediaException(Path, $"{what} is truncated");
            sb.Append((char)b);
        }
        return sb.ToString();
    }
}
