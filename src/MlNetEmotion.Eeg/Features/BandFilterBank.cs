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
    /// <param name="maxDegreeOfParallelism">Most channel groups filtered at once; -1 for all cores. Results do not depend on it.</param>
    /// <returns>[band][channel] filtered signals.</returns>
    public static double[][][] Filter(IReadOnlyList<double[]> channels, double samplingRate, IReadOnlyList<FrequencyBand> bands, int order, int maxDegreeOfParallelism = -1)
    {
        var result = new double[bands.Count][][];
        for (int b = 0; b < bands.Count; b++)
            result[b] = SosFilter.SosFiltFilt(Design(bands[b], samplingRate, order), channels, maxDegreeOfParallelism: maxDegreeOfParallelism);
        return result;
    }
}
