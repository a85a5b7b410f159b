using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Eeg.Tools;

/// <summary>The checked input of the band-power and topomap exports: voltage channels at one rate, finite and not flat.</summary>
internal static class ExportInput
{
    /// <summary>Reads <paramref name="path"/>, keeps its voltage channels (file order) and checks them and the bands.</summary>
    /// <param name="path">EEG file.</param>
    /// <param name="options">How to open it.</param>
    /// <param name="bands">Bands that will be measured.</param>
    /// <exception cref="EegFormatException">No voltage channels, rates differ, or a channel is flat or holds NaN/infinity (file, channel and value named).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A band reaches the Nyquist frequency of the file.</exception>
    public static EegRecording Read(string path, EegFileOptions options, IReadOnlyList<FrequencyBand> bands)
    {
        var voltage = EegFile.Read(path, options).VoltageChannels();
        double rate = voltage.SamplingRate;
        voltage.Validate();
        foreach (var band in bands) band.EnsureBelowNyquist(rate, path);
        return voltage;
    }

    /// <summary>Checks a band-pass against the recording's rate before designing it.</summary>
    /// <param name="path">EEG file, for the message.</param>
    /// <param name="low">Lower edge in Hz.</param>
    /// <param name="high">Upper edge in Hz.</param>
    /// <param name="rate">Sampling rate in Hz.</param>
    /// <exception cref="FilterSpecificationException">The edges are not 0 &lt; low &lt; high &lt; Nyquist.</exception>
    public static void CheckBandPass(string path, double low, double high, double rate)
    {
        if (!(low > 0 && low < high && high < rate / 2))
            throw new FilterSpecificationException("bandpass", $"{low} {high}",
                $"{path} is sampled at {rate} Hz, so the band-pass edges must satisfy 0 < low < high < {rate / 2} Hz (Nyquist)");
    }
}
