using System.Globalization;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Media;

/// <summary>Reads video frames as 8-bit RGB through an <c>ffmpeg</c> child process that streams raw frames on its
/// standard output. Frame timestamps are <c>index / fps</c> for a constant-frame-rate stream and the packets'
/// presentation times (listed once by ffprobe) for a variable-rate one; both count from the first frame.</summary>
/// <remarks>Each enumeration of <see cref="ReadFrames"/> owns one ffmpeg process; it is killed and reaped when the
/// enumeration ends, is abandoned (enumerator disposed), is cancelled or fails, and when the reader is disposed.</remarks>
public sealed class VideoReader : IDisposable
{
    /// <summary>How far before the requested time the demuxer seeks; the frames in between are decoded and dropped.</summary>
    private const double SeekMarginSeconds = 3;

    private readonly HashSet<ChildProcess> _running = [];
    private readonly Lazy<FrameClock> _clock;
    private bool _disposed;

    /// <summary>Opens <paramref name="path"/> and probes it with ffprobe.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg is not installed (Debian package <c>ffmpeg</c>).</exception>
    /// <exception cref="MediaException">The file is not a readable video.</exception>
    public VideoReader(string path)
    {
        Path = path;
        Info = VideoProbe.Probe(path);
        _clock = new Lazy<FrameClock>(() => FrameClock.Measure(path, Info));
    }

    /// <summary>The video file.</summary>
    public string Path { get; }

    /// <summary>Size, native frame rate, duration and frame count.</summary>
    public VideoInfo Info { get; }

    /// <summary>Streams frames chosen by <paramref name="sampling"/> from <paramref name="startSeconds"/> on.</summary>
    /// <param name="sampling">Which frames; default every frame.</param>
    /// <param name="startSeconds">Seek position: the first frame returned is the first at or after this time.</param>
    /// <param name="cancellationToken">Stops decoding and kills ffmpeg.</param>
    /// <exception cref="MediaException">ffmpeg failed or a frame was cut short; the message names the file and frame.</exception>
    public IEnumerable<VideoFrame> ReadFrames(FrameSampling? sampling = null, double startSeconds = 0,
        CancellationToken cancellationToken = default) =>
        Iterate(sampling ?? FrameSampling.All, startSeconds, cancellationToken);

    /// <summary>The first frame at or after <paramref name="seconds"/>.</summary>
    /// <exception cref="MediaException">No frame exists at or after that time.</exception>
    public VideoFrame ReadFrameAt(double seconds)
    {
        foreach (var frame in ReadFrames(FrameSampling.All, seconds)) return frame;
        throw new MediaException(Path, string.Create(CultureInfo.InvariantCulture,
            $"no frame at or after {seconds} s (duration {Info.DurationSeconds} s)"));
    }

    /// <summary>Kills any ffmpeg process still streaming.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        ChildProcess[] running;
        lock (_running) running = [.. _running];
        foreach (var child in running) child.Dispose();
    }

    private IEnumerable<VideoFrame> Iterate(FrameSampling sampling, double startSeconds, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(startSeconds);
        var c = CultureInfo.InvariantCulture;
        var clock = _clock.Value;
        long first = clock.FirstAtOrAfter(startSeconds);
        var args = new List<string> { "-nostdin", "-v", "error", "-copyts" };
        var filters = new List<string>();
        if (first > 0)
        {
            // Timestamps stay the file's own (-copyts), so the trim below cuts half-way between frame `first` and the one
            // before. The demuxer seek only gets close: it lands late or on a non-key frame in unindexed containers
            // (MPEG-TS), so it aims SeekMarginSeconds early and the frames decoded in between are trimmed.
            double cut = clock.Origin + clock.CutBefore(first);
            if (cut - SeekMarginSeconds > clock.Origin)
                args.AddRange(["-seek_timestamp", "1", "-noaccurate_seek", "-ss", (cut - SeekMarginSeconds).ToString("R", c)]);
            filters.Add("trim=start=" + cut.ToString("R", c));
        }
        args.AddRange(["-i", Path, "-map", "0:v:0"]);
        // A constant-rate stream is sampled inside ffmpeg (before colour conversion); a variable-rate one here, on its
        // true frame times.
        bool selectInFfmpeg = clock.IsConstant;
        if (selectInFfmpeg && sampling.SelectExpression(first, clock.NominalRate) is { } select) filters.Add(select);
        if (filters.Count > 0) args.AddRange(["-vf", string.Join(',', filters)]);
        args.AddRange(["-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);

        var child = Ffmpeg.Start("ffmpeg", args);
        lock (_running) _running.Add(child);
        try
        {
            using var registration = cancellationToken.Register(child.Kill);
            int frameBytes = Info.Width * Info.Height * 3;
            long index = first;
            while (true)
            {
                var pixels = new byte[frameBytes];
                int read = child.Output.ReadAtLeast(pixels, frameBytes, throwOnEndOfStream: false);
                cancellationToken.ThrowIfCancellationRequested();
                if (read == 0) break;
                if (selectInFfmpeg) while (!sampling.Keeps(index, clock)) index++;
                if (read < frameBytes)
                {
                    child.WaitForExitOrThrow(Path, cancellationToken);
                    throw new MediaException(Path, $"frame {index} cut short: {read} of {frameBytes} bytes");
                }
                if (selectInFfmpeg || sampling.Keeps(index, clock))
                    yield return new VideoFrame(index, clock.Time(index), new Image<byte>(Info.Width, Info.Height, 3, pixels));
                index++;
            }
            child.WaitForExitOrThrow(Path, cancellationToken);
        }
        finally
        {
            lock (_running) _running.Remove(child);
            child.Dispose();
        }
    }
}
