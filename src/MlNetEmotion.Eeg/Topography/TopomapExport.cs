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
    /// <summary>Built-in montage name or a .elc/.txt/.sfp file. Default <c>standard_1020</c>.</summary>
    public string Montage { get; set; } = "standard_1020";

    /// <summary>Bands, one image each. Default theta 4–8, alpha 8–13, beta 13–30 Hz (paper 000).</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; set; } = FrequencyBand.ThetaAlphaBeta;

    /// <summary>Frames per second: one window of 1/fps seconds per frame. Default 8.</summary>
    public double FrameRate { get; set; } = 8;

    /// <summary>Window overlap fraction in [0, 1). Default 0.</summary>
    public double Overlap { get; set; }

    /// <summary>Absolute, relative or log band power. Default absolute.</summary>
    public BandPowerScale Scale { get; set; } = BandPowerScale.Absolute;

    /// <summary>Projection, grid, interpolation, size. Default MNE-style 32 × 32 Clough–Tocher.</summary>
    public TopomapOptions Topomap { get; set; } = new();

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
    public static string Run(string inputPath, string outputPath, TopomapExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var recording = EegFile.Read(inputPath, options.File);
        var channels = recording.Channels.Where(c => c.IsVoltage).ToArray();
        if (channels.Length < 3) throw new ArgumentException($"{inputPath}: a topomap needs at least 3 EEG channels, found {channels.Length}.");
        var montage = StandardMontages.CreateOrRead(options.Montage).Select(channels.Select(c => c.Name).ToArray());
        var voltage = new EegRecording(channels, recording.Annotations, recording.Info);
        double rate = voltage.SamplingRate;
        foreach (var band in options.Bands) band.EnsureBelowNyquist(rate, channels[0].Name);

        var data = channels.Select(c => c.Samples).ToArray();
        var windows = FrameWindows.ForFrameRate(data[0].Length, rate, options.FrameRate, options.Overlap);
        if (windows.Count == 0) throw new ArgumentException($"{inputPath}: the recording is shorter than one {1 / options.FrameRate} s frame.");
        var power = BandPower.Compute(data, rate, windows, new BandPowerOptions { Bands = options.Bands, Scale = options.Scale });

        var interpolator = TopomapInterpolator.Create(montage, options.Topomap);
        int frames = power.Windows, bands = options.Bands.Count, n = channels.Length, pixels = interpolator.Height * interpolator.Width;
        var values = new float[frames * bands * n]; // [frames, bands, channels]
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < n; c++)
                for (int b = 0; b < bands; b++)
                    values[(f * bands + b) * n + c] = (float)power[f, c, b];
        var maps = new float[frames * bands * pixels];
        interpolator.InterpolateBatch(values, maps, frames * bands);
        Npy.Write(outputPath, maps, frames, bands, interpolator.Height, interpolator.Width);
        if (options.PngDirectory is string dir) WritePngs(dir, interpolator, maps, frames, options);
        return Summary(outputPath, [frames, bands, interpolator.Height, interpolator.Width], montage.Name, channels.Select(c => c.Name), options, rate);
    }

    private static void WritePngs(string dir, TopomapInterpolator interpolator, float[] maps, int frames, TopomapExportOptions options)
    {
        Directory.CreateDirectory(dir);
        int pixels = interpolator.Height * interpolator.Width;
        for (int f = 0; f < frames; f++)
            for (int b = 0; b < options.Bands.Count; b++)
            {
                var image = TopomapRenderer.Render(interpolator, maps.AsSpan((f * options.Bands.Count + b) * pixels, pixels), options.Render);
                string path = Path.Combine(dir, $"frame_{f:D4}_{options.Bands[b].Name}.png");
                string temp = path + ".tmp";
                File.WriteAllBytes(temp, PngEncoder.Encode(image, System.IO.Compression.CompressionLevel.Fastest));
                File.Move(temp, path, overwrite: true);
            }
    }

    private static string Summary(string outputPath, int[] shape, string montage, IEnumerable<string> channels, TopomapExportOptions options, double rate)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("out", outputPath);
            json.WriteStartArray("shape");
            foreach (int s in shape) json.WriteNumberValue(s);
            json.WriteEndArray();
            json.WriteString("montage", montage);
            json.WriteNumber("samplingRate", rate);
            json.WriteNumber("frameRate", options.FrameRate);
            json.WriteString("interpolation", options.Topomap.Interpolation.ToString());
            json.WriteStartArray("channels");
            foreach (var c in channels) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("bands");
            foreach (var band in options.Bands) json.WriteStringValue($"{band.Name}:{band.Low}-{band.High}");
            json.WriteEndArray();
            if (options.PngDirectory is string dir) json.WriteString("png", dir);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
