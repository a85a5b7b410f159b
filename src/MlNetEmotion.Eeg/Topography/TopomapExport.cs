using System.Text;
using System.Text.Json;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography.Rendering;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Settings of <see cref="TopomapExport"/> (the options of <c>mlnet-emotion eeg topomap</c>).</summary>
public sealed class TopomapExportOptions
{
    /// <summary>Montage, bands, frame rate, band-power scale and topomap options.</summary>
    public BandTopomapOptions Maps { get; set; } = new();

    /// <summary>Directory for PNG pictures of every map (frame_0000_theta.png, ...); null for none.</summary>
    public string? PngDirectory { get; set; }

    /// <summary>Rendering of the PNG pictures.</summary>
    public TopomapRenderOptions Render { get; set; } = new();

    /// <summary>How to open the file.</summary>
    public EegFileOptions File { get; set; } = new();
}

/// <summary>Reads a recording, computes band power in frame-aligned windows and writes topomaps as a float32 NPY
/// array [frames, bands, H, W] (optionally also PNG pictures).</summary>
public static class TopomapExport
{
    /// <summary>Runs the export.</summary>
    /// <param name="inputPath">EEG file.</param>
    /// <param name="outputPath">Destination .npy file (written atomically).</param>
    /// <param name="options">Settings.</param>
    /// <returns>A JSON summary: output path, shape, montage, channels, bands.</returns>
    /// <exception cref="UnknownChannelException">Voltage channels have no position in the montage.</exception>
    /// <exception cref="EegFormatException">The file is malformed, its voltage channels have different rates, or one is flat or holds NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A band reaches the file's Nyquist frequency.</exception>
    public static string Run(string inputPath, string outputPath, TopomapExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var voltage = Tools.ExportInput.Read(inputPath, options.File, options.Maps.Bands);
        var channels = voltage.Channels;
        if (channels.Count < 3) throw new ArgumentException($"{inputPath}: a topomap needs at least 3 EEG channels, found {channels.Count}.");
        var names = channels.Select(c => c.Name).ToArray();
        double rate = voltage.SamplingRate;
        var generator = new BandTopomaps(options.Maps);
        var (maps, frames) = generator.Compute(names, channels.Select(c => c.Samples).ToArray(), rate);
        if (frames == 0) throw new ArgumentException($"{inputPath}: the recording is shorter than one {1 / options.Maps.FrameRate} s frame.");
        var interpolator = generator.InterpolatorFor(names);
        int bands = options.Maps.Bands.Count;
        Npy.Write(outputPath, maps, frames, bands, interpolator.Height, interpolator.Width);
        if (options.PngDirectory is string dir) WritePngs(dir, interpolator, maps, frames, options);
        return Summary(outputPath, [frames, bands, interpolator.Height, interpolator.Width], names, options, rate);
    }

    private static void WritePngs(string dir, TopomapInterpolator interpolator, float[] maps, int frames, TopomapExportOptions options)
    {
        Directory.CreateDirectory(dir);
        int pixels = interpolator.Height * interpolator.Width;
        var bands = options.Maps.Bands;
        for (int f = 0; f < frames; f++)
            for (int b = 0; b < bands.Count; b++)
            {
                var image = TopomapRenderer.Render(interpolator, maps.AsSpan((f * bands.Count + b) * pixels, pixels), options.Render);
                PngEncoder.Write(Path.Combine(dir, $"frame_{f:D4}_{bands[b].Name}.png"), image, System.IO.Compression.CompressionLevel.Fastest);
            }
    }

    private static string Summary(string outputPath, int[] shape, IEnumerable<string> channels, TopomapExportOptions options, double rate)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("out", outputPath);
            json.WriteStartArray("shape");
            foreach (int s in shape) json.WriteNumberValue(s);
            json.WriteEndArray();
            json.WriteString("montage", options.Maps.Montage);
            json.WriteNumber("samplingRate", rate);
            json.WriteNumber("frameRate", options.Maps.FrameRate);
            json.WriteString("interpolation", options.Maps.Topomap.Interpolation.ToString());
            json.WriteStartArray("channels");
            foreach (var c in channels) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("bands");
            foreach (var band in options.Maps.Bands) json.WriteStringValue($"{band.Name}:{band.Low}-{band.High}");
            json.WriteEndArray();
            if (options.PngDirectory is string dir) json.WriteString("png", dir);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
