using System.Text;
using System.Text.Json;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Eeg.Tools;

/// <summary>Settings of <see cref="BandPowerExport"/> (the options of <c>mlnet-emotion eeg bandpower</c>).</summary>
public sealed class BandPowerExportOptions
{
    /// <summary>Bands. Default theta 4–8, alpha 8–13, beta 13–30, gamma 30–45 Hz.</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; set; } = FrequencyBand.Default;

    /// <summary>Window length in seconds. Default 1.</summary>
    public double WindowSeconds { get; set; } = 1;

    /// <summary>Window overlap fraction in [0, 1). Default 0.</summary>
    public double Overlap { get; set; }

    /// <summary>Optional zero-phase band-pass (order-4 Butterworth, sosfiltfilt) applied to each channel first: (low, high) Hz.</summary>
    public (double Low, double High)? BandPass { get; set; }

    /// <summary>Absolute, relative or log power. Default absolute.</summary>
    public BandPowerScale Scale { get; set; } = BandPowerScale.Absolute;

    /// <summary>Welch or filter bank. Default Welch.</summary>
    public BandPowerMethod Method { get; set; } = BandPowerMethod.Welch;

    /// <summary>How to open the file (rate for header-less formats, validation).</summary>
    public EegFileOptions File { get; set; } = new();
}

/// <summary>
/// Reads a recording, optionally band-passes it, and writes band powers as a float64 NPY array
/// [windows, channels, bands] (voltage channels only, in file order).
/// </summary>
public static class BandPowerExport
{
    /// <summary>Runs the export.</summary>
    /// <param name="inputPath">EEG file.</param>
    /// <param name="outputPath">Destination .npy file (written atomically).</param>
    /// <param name="options">Settings.</param>
    /// <returns>A JSON summary: output path, shape, channel names and bands.</returns>
    /// <exception cref="EegFormatException">The file is malformed, its voltage channels have different rates, or one is flat or holds NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A band or the band-pass reaches the file's Nyquist frequency.</exception>
    public static string Run(string inputPath, string outputPath, BandPowerExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var voltage = ExportInput.Read(inputPath, options.File, options.Bands);
        double rate = voltage.SamplingRate;
        IReadOnlyList<double[]> data = voltage.Channels.Select(c => c.Samples).ToArray();
        if (options.BandPass is (double low, double high))
        {
            ExportInput.CheckBandPass(inputPath, low, high, rate);
            data = SosFilter.SosFiltFilt(Butterworth.BandPass(4, low, high, rate), data);
        }
        var windows = new FrameWindows(data[0].Length, rate, options.WindowSeconds, options.Overlap);
        var features = BandPower.Compute(data, rate, windows, new BandPowerOptions { Bands = options.Bands, Scale = options.Scale, Method = options.Method });
        Npy.Write(outputPath, features.ToNpy());

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("out", outputPath);
            json.WriteStartArray("shape");
            json.WriteNumberValue(features.Windows);
            json.WriteNumberValue(features.Channels);
            json.WriteNumberValue(features.Bands.Count);
            json.WriteEndArray();
            json.WriteNumber("samplingRate", rate);
            json.WriteNumber("windowSamples", windows.Length);
            json.WriteStartArray("channels");
            foreach (var channel in voltage.Channels) json.WriteStringValue(channel.Name);
            json.WriteEndArray();
            json.WriteStartArray("bands");
            foreach (var band in features.Bands) json.WriteStringValue($"{band.Name}:{band.Low}-{band.High}");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
