using System.Globalization;
using System.Text.Json;

namespace MlNetEmotion.Vision.Media;

/// <summary>Runs <c>ffprobe</c> on a file and parses its JSON report.</summary>
public static class VideoProbe
{
    /// <summary>Probes the first video stream of <paramref name="path"/>.</summary>
    /// <param name="path">Video or image file.</param>
    /// <param name="countFrames">When the container stores no frame count (Matroska, WebM, MPEG-TS), count the stream's
    /// packets by demuxing it (no decoding; one packet per frame for the usual codecs); when false,
    /// <see cref="VideoInfo.FrameCount"/> is -1 in that case.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaException">ffprobe failed or the file has no video stream.</exception>
    public static VideoInfo Probe(string path, bool countFrames = true)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Video file '{path}' does not exist.", path);
        var stream = Query(path, ["-show_entries",
            "stream=width,height,r_frame_rate,nb_frames,duration,start_time:stream_side_data=rotation:stream_tags=rotate:format=duration,start_time"],
            out var format);
        int width = (int)(Number(stream, "width") ?? 0), height = (int)(Number(stream, "height") ?? 0);
        if (width <= 0 || height <= 0) throw new MediaException(path, $"ffprobe reported no frame size ({width}x{height}) for the video stream");
        int rotation = Rotation(stream);
        if (rotation is 90 or 270) (width, height) = (height, width);
        var (num, den) = ParseRate(stream.TryGetProperty("r_frame_rate", out var r) ? r.GetString() : null, path);
        double duration = Number(stream, "duration") ?? (format is { } f ? Number(f, "duration") : null) ?? 0;
        double start = Number(stream, "start_time") ?? (format is { } g ? Number(g, "start_time") : null) ?? 0;
        long frames = (long?)Number(stream, "nb_frames") ?? -1;
        if (frames < 0 && countFrames)
        {
            var counted = Query(path, ["-count_packets", "-show_entries", "stream=nb_read_packets"], out _);
            frames = (long?)Number(counted, "nb_read_packets") ?? -1;
        }
        return new VideoInfo(width, height, num, den, duration, frames, start) { RotationDegrees = rotation };
    }

    /// <summary>Display rotation (0, 90, 180 or 270 degrees) from the display-matrix side data or the older
    /// <c>rotate</c> tag; ffmpeg applies it when decoding, so frames come out in the rotated size.</summary>
    private static int Rotation(JsonElement stream)
    {
        double? degrees = null;
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
            foreach (var item in sideData.EnumerateArray())
                degrees ??= Number(item, "rotation");
        if (degrees is null && stream.TryGetProperty("tags", out var tags)) degrees = Number(tags, "rotate");
        int quarterTurns = (int)Math.Round((degrees ?? 0) / 90);
        return (quarterTurns % 4 + 4) % 4 * 90;
    }

    private static JsonElement Query(string path, string[] entries, out JsonElement? format)
    {
        byte[] json = Ffmpeg.Run("ffprobe", path,
            ["-v", "error", "-select_streams", "v:0", .. entries, "-of", "json", path]);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement.Clone();
        format = root.TryGetProperty("format", out var f) ? f : null;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            throw new MediaException(path, "no video stream");
        return streams[0];
    }

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
    }

    private static (int, int) ParseRate(string? text, string path)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int n)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int d) && n > 0 && d > 0)
            return (n, d);
        throw new MediaException(path, $"ffprobe reported no usable frame rate ('{text}')");
    }
}
