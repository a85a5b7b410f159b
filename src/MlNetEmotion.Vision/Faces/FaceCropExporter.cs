using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Media;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Faces;

/// <summary>Options of <see cref="FaceCropExporter"/>.</summary>
public sealed class FaceCropExportOptions
{
    /// <summary>Frames per second taken from a video. Default 8 (paper 000).</summary>
    public double FramesPerSecond { get; set; } = 8;

    /// <summary>Side of the square crops in pixels. Default 227 (paper 000).</summary>
    public int Size { get; set; } = 227;

    /// <summary>Extra fraction of the face box on each side. Default 0.</summary>
    public double Margin { get; set; }

    /// <summary>Resize method. Default <see cref="ResizeInterpolation.Area"/>.</summary>
    public ResizeInterpolation Interpolation { get; set; } = ResizeInterpolation.Area;

    /// <summary>Tracking (miss policy and detector parameters).</summary>
    public FaceTrackingOptions Tracking { get; set; } = new();
}

/// <summary>One written crop.</summary>
/// <param name="File">PNG file name inside the output folder.</param>
/// <param name="Frame">Source frame index (0 for a still image).</param>
/// <param name="Time">Frame time in seconds.</param>
/// <param name="Detected">False when the box was reused from an earlier frame.</param>
/// <param name="Box">Face box in the source frame.</param>
public sealed record FaceCropEntry(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("frame")] long Frame,
    [property: JsonPropertyName("time")] double Time,
    [property: JsonPropertyName("detected")] bool Detected,
    [property: JsonPropertyName("box")] FaceBoxJson Box);

/// <summary>The index written next to the crops (<c>index.json</c>).</summary>
/// <param name="Source">Input video or image.</param>
/// <param name="FramesPerSecond">Sampling rate (null for a still image).</param>
/// <param name="Size">Crop side.</param>
/// <param name="Crops">One entry per PNG.</param>
public sealed record FaceCropIndex(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("fps")] double? FramesPerSecond,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("crops")] IReadOnlyList<FaceCropEntry> Crops);

/// <summary>The work behind <c>mlnet-emotion faces crop</c>: video (or image) → frames at a rate → largest face per
/// frame → square crop → PNG files plus <c>index.json</c>.</summary>
public static class FaceCropExporter
{
    /// <summary>Exports crops of <paramref name="input"/> into <paramref name="outputDirectory"/> (created if needed).</summary>
    /// <exception cref="FaceNotFoundException">No face in any frame.</exception>
    public static FaceCropIndex Export(string input, string outputDirectory, CascadeClassifier cascade, FaceCropExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cascade);
        options ??= new FaceCropExportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Size, 1);
        Directory.CreateDirectory(outputDirectory);
        bool still = ImageLoader.IsStillImage(input);
        var tracker = new FaceTracker(cascade, options.Tracking);
        var entries = new List<FaceCropEntry>();
        IEnumerable<VideoFrame> frames;
        VideoReader? reader = null;
        if (still) frames = [new VideoFrame(0, 0, ImageLoader.LoadRgb(input))];
        else
        {
            reader = new VideoReader(input);
            frames = reader.ReadFrames(FrameSampling.AtRate(options.FramesPerSecond));
        }
        using (reader)
        {
            foreach (var tracked in tracker.Track(frames, input))
            {
                var crop = FaceCropper.CropSquare(tracked.Frame.Image, tracked.Box, options.Size, options.Margin, options.Interpolation);
                string name = string.Create(CultureInfo.InvariantCulture, $"frame_{tracked.Frame.Index:D6}.png");
                PngEncoder.Write(Path.Combine(outputDirectory, name), crop);
                entries.Add(new FaceCropEntry(name, tracked.Frame.Index, tracked.Frame.TimestampSeconds, tracked.Detected,
                    FaceBoxJson.From(tracked.Box)));
            }
        }
        var index = new FaceCropIndex(input, still ? null : options.FramesPerSecond, options.Size, entries);
        Core.IO.AtomicFile.Write(Path.Combine(outputDirectory, "index.json"),
            stream => JsonSerializer.Serialize(stream, index, new JsonSerializerOptions { WriteIndented = true }));
        return index;
    }
}
