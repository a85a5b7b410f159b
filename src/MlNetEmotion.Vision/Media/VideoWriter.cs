using System.Globalization;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Vision.Media;

/// <summary>Writes 8-bit RGB frames to a video file through an <c>ffmpeg</c> child process that reads raw rgb24 frames
/// on its standard input. The container and codec follow the extension: <c>.mp4</c> and <c>.mkv</c> H.264 (libx264,
/// yuv420p), <c>.avi</c> MPEG-4 Part 2 (mpeg4, yuv420p).</summary>
/// <remarks>Atomic (<see cref="AtomicFile.Begin"/>): ffmpeg writes a hidden temporary file next to the target, which replaces the target only when
/// <see cref="Complete"/> succeeds; disposing without completing kills ffmpeg, reaps it and deletes the temporary file,
/// so neither a half-written video nor a zombie process is left behind. yuv420p needs an even width and height.</remarks>
public sealed class VideoWriter : IDisposable
{
    private readonly ChildProcess _child;
    private readonly PendingFile _file;
    private bool _completed, _disposed;

    /// <summary>Starts ffmpeg for a <paramref name="width"/> × <paramref name="height"/> video at <paramref name="path"/>
    /// (its folder is created if needed).</summary>
    /// <param name="path">Target file; its extension picks the format (<c>.mp4</c>, <c>.mkv</c> or <c>.avi</c>).</param>
    /// <param name="width">Frame width in pixels, even.</param>
    /// <param name="height">Frame height in pixels, even.</param>
    /// <param name="options">Frame rate and quality; defaults when null.</param>
    /// <exception cref="ArgumentException">The extension is not a supported one, or the size is not even and positive.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg is not installed (Debian package <c>ffmpeg</c>).</exception>
    public VideoWriter(string path, int width, int height, VideoWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new VideoWriterOptions();
        options.Validate();
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0)
            throw new ArgumentException($"{path}: a yuv420p video needs an even width and height of at least 2; got {width}x{height}.", nameof(width));
        var c = CultureInfo.InvariantCulture;
        string[] codec = System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".mp4" => ["-c:v", "libx264", "-preset", "veryfast", "-crf", options.ConstantRateFactor.ToString(c), "-f", "mp4"],
            ".mkv" => ["-c:v", "libx264", "-preset", "veryfast", "-crf", options.ConstantRateFactor.ToString(c), "-f", "matroska"],
            ".avi" => ["-c:v", "mpeg4", "-q:v", options.Quantizer.ToString(c), "-f", "avi"],
            var other => throw new ArgumentException($"{path}: cannot write '{other}' video; use .mp4, .mkv or .avi.", nameof(path)),
        };
        Path = System.IO.Path.GetFullPath(path);
        Width = width;
        Height = height;
        _file = AtomicFile.Begin(path);
        string[] input = ["-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", $"{width}x{height}",
            "-framerate", options.FrameRate.ToString("R", c), "-i", "pipe:0", "-an"];
        _child = Ffmpeg.Start("ffmpeg", [.. input, .. codec, "-pix_fmt", "yuv420p", "-y", _file.TemporaryPath], keepInput: true);
    }

    /// <summary>The target file (full path).</summary>
    public string Path { get; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frames written so far.</summary>
    public long FrameCount { get; private set; }

    /// <summary>Writes every frame of <paramref name="frames"/> to <paramref name="path"/> (size taken from the first).</summary>
    /// <param name="path">Target file (<c>.mp4</c>, <c>.mkv</c> or <c>.avi</c>).</param>
    /// <param name="frames">At least one RGB or grey frame, all of one size.</param>
    /// <param name="options">Frame rate and quality; defaults when null.</param>
    /// <returns>The number of frames written.</returns>
    /// <exception cref="ArgumentException">No frames, or frames of different sizes.</exception>
    public static long Save(string path, IEnumerable<Image<byte>> frames, VideoWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        using var e = frames.GetEnumerator();
        if (!e.MoveNext()) throw new ArgumentException($"{path}: no frames to write.", nameof(frames));
        using var writer = new VideoWriter(path, e.Current.Width, e.Current.Height, options);
        do writer.Write(e.Current); while (e.MoveNext());
        writer.Complete();
        return writer.FrameCount;
    }

    /// <summary>Appends one frame.</summary>
    /// <param name="frame">An RGB (3-channel) or grey (1-channel) frame of the writer's size.</param>
    /// <exception cref="ArgumentException">The frame has another size or channel count.</exception>
    /// <exception cref="MediaException">ffmpeg stopped; the message quotes its error output.</exception>
    public void Write(Image<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException($"{Path}: the video is already complete.");
        if (frame.Width != Width || frame.Height != Height || frame.Channels is not (1 or 3))
            throw new ArgumentException(
                $"{Path}: frame {FrameCount} is {frame.Width}x{frame.Height}x{frame.Channels}; expected {Width}x{Height} RGB (3 channels) or grey (1).",
                nameof(frame));
        var rgb = frame.Channels == 3 ? frame : frame.ToRgb();
        try
        {
            _child.Input.Write(rgb.Pixels);
        }
        catch (IOException e)
        {
            _child.WaitForExitOrThrow(Path);
            throw new MediaException(Path, $"ffmpeg stopped reading at frame {FrameCount}: {e.Message}");
        }
        FrameCount++;
    }

    /// <summary>Ends the stream, waits for ffmpeg to finish the file and moves it into place.</summary>
    /// <exception cref="InvalidOperationException">No frame was written.</exception>
    /// <exception cref="MediaException">ffmpeg failed; the message quotes its error output.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        if (FrameCount == 0) throw new InvalidOperationException($"{Path}: no frames were written.");
        try
        {
            _child.CloseInput();
        }
        catch (IOException)
        {
            // ffmpeg already exited; its status and message are reported below.
        }
        _child.WaitForExitOrThrow(Path);
        _file.Commit();
        _completed = true;
    }

    /// <summary>Kills ffmpeg if the video was not completed and removes the temporary file.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _child.Dispose();
        _file.Dispose();
    }
}
