namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// Digital Butterworth filter design as second-order sections, equivalent to
/// <c>scipy.signal.butter(order, Wn, btype, fs=fs, output='sos')</c>: analog prototype, frequency
/// transform at pre-warped edges, bilinear transform, then SciPy's nearest pole–zero pairing.
/// Band-pass and band-stop designs have <c>2·order</c> poles, as in SciPy.
/// </summary>
public static class Butterworth
{
    /// <summary>Designs a low-pass filter.</summary>
    /// <param name="order">Filter order, at least 1.</param>
    /// <param name="cutoff">−3 dB frequency in Hz, strictly between 0 and <paramref name="sampleRate"/>/2.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static SecondOrderSections LowPass(int order, double cutoff, double sampleRate) =>
        Design(order, FilterBandType.LowPass, sampleRate, cutoff, double.NaN);

    /// <summary>Designs a high-pass filter.</summary>
    /// <param name="order">Filter order, at least 1.</param>
    /// <param name="cutoff">−3 dB frequency in Hz, strictly between 0 and <paramref name="sampleRate"/>/2.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static SecondOrderSections HighPass(int order, double cutoff, double sampleRate) =>
        Design(order, FilterBandType.HighPass, sampleRate, cutoff, double.NaN);

    /// <summary>Designs a band-pass filter (<c>2·order</c> poles).</summary>
    /// <param name="order">Prototype order, at least 1.</param>
    /// <param name="low">Lower −3 dB edge in Hz, above 0.</param>
    /// <param name="high">Upper −3 dB edge in Hz, above <paramref name="low"/> and below <paramref name="sampleRate"/>/2.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static SecondOrderSections BandPass(int order, double low, double high, double sampleRate) =>
        Design(order, FilterBandType.BandPass, sampleRate, low, high);

    /// <summary>Designs a band-stop filter (<c>2·order</c> poles).</summary>
    /// <param name="order">Prototype order, at least 1.</param>
    /// <param name="low">Lower −3 dB edge in Hz, above 0.</param>
    /// <param name="high">Upper −3 dB edge in Hz, above <paramref name="low"/> and below <paramref name="sampleRate"/>/2.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static SecondOrderSections BandStop(int order, double low, double high, double sampleRate) =>
        Design(order, FilterBandType.BandStop, sampleRate, low, high);

    /// <summary>Designs a filter of any <see cref="FilterBandType"/>.</summary>
    /// <param name="order">Prototype order, at least 1.</param>
    /// <param name="bandType">Which band to pass.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <param name="cutoff">The cutoff (low/high-pass) or lower band edge (band-pass/stop) in Hz.</param>
    /// <param name="highCutoff">The upper band edge in Hz for band-pass/stop; ignored otherwise.</param>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static SecondOrderSections Design(int order, FilterBandType bandType, double sampleRate, double cutoff, double highCutoff)
    {
        if (order < 1)
        {
            throw new FilterSpecificationException("order", order, "the filter order must be at least 1");
        }

        if (!(sampleRate > 0) || !double.IsFinite(sampleRate))
        {
            throw new FilterSpecificationException("sampleRate", sampleRate, "the sampling rate must be a positive finite number of Hz");
        }

        bool band = bandType is FilterBandType.BandPass or FilterBandType.BandStop;
        CheckEdge(band ? "low" : "cutoff", cutoff, sampleRate);
        ZerosPolesGain prototype = ZerosPolesGain.ButterworthPrototype(order);
        double lowWarped = PreWarp(cutoff, sampleRate);
        ZerosPolesGain analog;
        if (band)
        {
            CheckEdge("high", highCutoff, sampleRate);
            if (!(cutoff < highCutoff))
            {
                throw new FilterSpecificationException("high", highCutoff, $"the upper band edge must exceed the lower edge {cutoff} Hz");
            }

            double highWarped = PreWarp(highCutoff, sampleRate);
            double bw = highWarped - lowWarped;
            double wo = Math.Sqrt(lowWarped * highWarped);
            analog = bandType == FilterBandType.BandPass ? prototype.ToBandPass(wo, bw) : prototype.ToBandStop(wo, bw);
        }
        else
        {
            analog = bandType == FilterBandType.LowPass ? prototype.ToLowPass(lowWarped) : prototype.ToHighPass(lowWarped);
        }

        return SectionPairing.Nearest(analog.Bilinear(2.0));
    }

    // SciPy normalises to Nyquist = 1 and designs at fs = 2: warped = 2·fs·tan(π·Wn/fs).
    private static double PreWarp(double frequency, double sampleRate)
    {
        double wn = 2 * frequency / sampleRate;
        return 2 * 2.0 * Math.Tan(Math.PI * wn / 2.0);
    }

    private static void CheckEdge(string option, double frequency, double sampleRate)
    {
        if (!(frequency > 0) || !(frequency < sampleRate / 2))
        {
            throw new FilterSpecificationException(option, frequency, $"a cutoff must lie strictly between 0 and the Nyquist frequency {sampleRate / 2} Hz (sampling rate {sampleRate} Hz)");
        }
    }
}
