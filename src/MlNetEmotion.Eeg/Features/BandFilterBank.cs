using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Eeg.Features;

/// <summary>Zero-phase Butterworth band-pass filtering of channels into bands (low-pass for a band starting at 0 Hz).</summary>
public static class BandFilterBank
{
    /// <summary>Designs the filter of one band.</summary>
    /// <param name="band">The band.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="order">Butterworth prototype order.</param>
    /// <exception cref="FilterSpecificationException">The band reaches the Nyquist frequency or the order is invalid.</exception>
    public static SecondOrderSections Design(FrequencyBand band, double samplingRate, int order) =>
        band.Low > 0
            ? Butterworth.BandPass(order, band.Low, band.High, samplingRate)
            : Butterworth.LowPass(order, band.High, samplingRate);

    /// <summary>Filters every channel into every band with <c>sosfiltfilt</c>.</summary>
    /// <param name="channels">Equally sampled channels.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="bands">Bands.</param>
    /// <param name="order">Butterworth prototype order.</param>
    /// <param name="maxDegreeOfParallelism">Most (band, channel) pairs filtered at once; -1 for all cores. Results do not depend on it.</param>
    /// <returns>[band][channel] filtered signals.</returns>
    public static double[][][] Filter(IReadOnlyList<double[]> channels, double samplingRate, IReadOnlyList<FrequencyBand> bands, int order, int maxDegreeOfParallelism = -1)
    {
        var filters = bands.Select(b => Design(b, samplingRate, order)).ToArray();
        var result = bands.Select(_ => new double[channels.Count][]).ToArray();
        Parallel.For(0, bands.Count * channels.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            int b = i / channels.Count, c = i % channels.Count;
            result[b][c] = SosFilter.SosFiltFilt(filters[b], channels[c]);
        });
        return result;
    }
}
