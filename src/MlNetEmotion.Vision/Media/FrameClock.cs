using System.Globalization;
using System.Text;

namespace MlNetEmotion.Vision.Media;

/// <summary>When each frame of a video stream is shown: <c>n / fps</c> for a constant-frame-rate stream, or the
/// presentation times of its packets for a variable-frame-rate one (phone and screen recordings).</summary>
internal sealed class FrameClock
{
    private readonly double _fps;
    private readonly double[]? _times;

    private FrameClock(double origin, double fps, double[]? times)
    {
        Origin = origin;
        _fps = fps;
        _times = times;
    }

    /// <summary>Presentation time of frame 0 in the file's own clock (seconds), where seeks are aimed.</summary>
    public double Origin { get; }

    /// <summary>The stream's nominal frame rate (ffprobe <c>r_frame_rate</c>).</summary>
    public double NominalRate => _fps;

    /// <summary>True when every frame lies within a quarter frame of <c>n / fps</c>.</summary>
    public bool IsConstant => _times is null;

    /// <summary>The clock of a constant-rate stream.</summary>
    public static FrameClock Constant(VideoInfo info) => new(info.StartSeconds, info.FrameRate, null);

    /// <summary>Lists the stream's packet times with ffprobe (demuxing only) and keeps them when they stray from a constant
    /// rate; streams without packet times (raw elementary streams) are taken as constant-rate.</summary>
    public static FrameClock Measure(string path, VideoInfo info)
    {
        byte[] csv = Ffmpeg.Run("ffprobe", path,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", path]);
        var times = new List<double>();
        foreach (var line in Encoding.ASCII.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(line.TrimEnd(','), NumberStyles.Float, CultureInfo.InvariantCulture, out double t))
                return Constant(info);
            times.Add(t);
        }
        if (times.Count == 0) return Constant(info);
        times.Sort();
        double origin = times[0], fps = info.FrameRate;
        bool constant = true;
        for (int n = 0; n < times.Count && constant; n++) constant = Math.Abs(times[n] - origin - n / fps) <= 0.25 / fps;
        return constant ? Constant(info) : new FrameClock(origin, fps, [.. times.Select(t => t - origin)]);
    }

    /// <summary>Seconds from frame 0 to frame <paramref name="index"/> (frames past the listed ones continue at the
    /// nominal rate).</summary>
    public double Time(long index)
    {
        if (_times is null || index < 0) return index / _fps;
        return index < _times.Length ? _times[index] : _times[^1] + (index - _times.Length + 1) / _fps;
    }

    /// <summary>The first frame at or after <paramref name="seconds"/> from frame 0.</summary>
    public long FirstAtOrAfter(double seconds)
    {
        if (seconds <= 0) return 0;
        if (_times is null) return (long)Math.Ceiling(seconds * _fps - 1e-6);
        int i = Array.BinarySearch(_times, seconds - 1e-6);
        return i >= 0 ? i : ~i;
    }

    /// <summary>Seconds from frame 0 half-way between frame <paramref name="index"/> - 1 and <paramref name="index"/>.</summary>
    public double CutBefore(long index) => (Time(index - 1) + Time(index)) / 2;
}
