using System.Globalization;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Media;

/// <summary>Reads video frames as 8-bit RGB through an <c>ffmpeg</c> child process that streams raw frames on its
/// standard output. Constant-frame-rate streams are assumed for frame indices and timestamps.</summary>
/// <remarks>Each enumeration of <see cref="ReadFrames"/> owns one ffmpeg process; it is killed and reaped when the
/// enumeration ends, is abandoned (enumerator disposed), is cancelled or fails, and when the reader is disposed.</remarks>
public sealed class VideoReader : IDisposable
{
    /// <summary>How far before the requested time the demuxer seeks; the frames in between are decoded and dropped.</summary>
    private const double SeekMarginSeconds = 3;

    private readonly HashSet<ChildProcess> _running = [];
    private bool _disposed;

    /// <summary>Opens <paramref name="path"/> and probes it with ffprobe.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg is not installed (Debian package <c>ffmpeg</c>).</exception>
    /// <exception cref="MediaException">The file is not a readable video.</exception>
    public VideoReader(string path)
    {
        Path = path;
        Info = VideoProbe.Probe(path);
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
        double fps = Info.FrameRate;
        long first = startSeconds <= 0 ? 0 : (long)Math.Ceiling(startSeconds * fps - 1e-6);
        var args = new List<string> { "-nostdin", "-v", "error", "-copyts" };
        var filters = new List<string>();
        if (first > 0)
        {
            // Timestamps stay the file's own (-copyts), so the trim below cuts exactly half a frame before frame `first`.
            // The demuxer seek only gets close: it lands late or on a non-key frame in unindexed containers (MPEG-TS), so it
            // aims SeekMarginSeconds early and the frames decoded in between are trimmed.
            double cut = Info.StartSeconds + (first - 0.5) / fps;
            if (cut - SeekMarginSeconds > Info.StartSeconds)
                args.AddRange(["-seek_timestamp", "1", "-noaccurate_seek", "-ss", (cut - SeekMarginSeconds).ToString("R", c)]);
            filters.Add("trim=start=" + cut.ToString("R", c));
        }
        args.AddRange(["-i", Path, "-map", "0:v:0"]);
        if (sampling.SelectExpression(first, fps) is { } select) filters.Add(select);
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
                while (!sampling.Keeps(index, fps)) index++;
                if (read < frameBytes)
                {
                    child.WaitForExitOrThrow(Path, cancellationToken);
                    throw new MediaException(Path, $"frame {index} cut short: {read} of {frameBytes} bytes");
                }
                yield return new VideoFrame(index, index / fps, new Image<byte>(Info.Width, Info.Height, 3, pixels));
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
