namespace MlNetEmotion.Signals.Filters;

/// <summary>Second-order IIR notch design, equivalent to <c>scipy.signal.iirnotch(w0, Q, fs)</c>.</summary>
public static class IirNotch
{
    /// <summary>Designs a notch at <paramref name="frequency"/> whose −3 dB width is <paramref name="frequency"/>/<paramref name="qualityFactor"/>.</summary>
    /// <param name="frequency">Frequency to remove in Hz, strictly between 0 and <paramref name="sampleRate"/>/2.</param>
    /// <param name="qualityFactor">Quality factor Q, positive (30 is a common mains-notch choice).</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <returns>The <c>(b, a)</c> coefficients, three each.</returns>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static TransferFunction Design(double frequency, double qualityFactor, double sampleRate)
    {
        if (!(sampleRate > 0) || !double.IsFinite(sampleRate))
        {
            throw new FilterSpecificationException("sampleRate", sampleRate, "the sampling rate must be a positive finite number of Hz");
        }

        if (!(frequency > 0) || !(frequency < sampleRate / 2))
        {
            throw new FilterSpecificationException("frequency", frequency, $"the notch frequency must lie strictly between 0 and the Nyquist frequency {sampleRate / 2} Hz");
        }

        if (!(qualityFactor > 0) || !double.IsFinite(qualityFactor))
        {
            throw new FilterSpecificationException("qualityFactor", qualityFactor, "the quality factor must be a positive finite number");
        }

        double w0 = 2 * frequency / sampleRate;
        double bw = w0 / qualityFactor * Math.PI;
        w0 *= Math.PI;
        double gb = 1 / Math.Sqrt(2);
        double beta = Math.Sqrt(1.0 - gb * gb) / gb * Math.Tan(bw / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double cos = Math.Cos(w0);
        return new TransferFunction(
            [gain * 1.0, gain * (-2.0 * cos), gain * 1.0],
            [1.0, -2.0 * gain * cos, 2.0 * gain - 1.0]);
    }

    /// <summary>
    /// The same notch as one second-order section, for <see cref="SosFilter"/> (including its batched multi-channel
    /// zero-phase path). <c>sosfiltfilt</c> of this section equals <c>filtfilt(b, a)</c>: same padding (9 samples)
    /// and the same steady-state initial conditions.
    /// </summary>
    /// <param name="frequency">Frequency to remove in Hz, strictly between 0 and <paramref name="sampleRate"/>/2.</param>
    /// <param name="qualityFactor">Quality factor Q, positive.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <returns>A single section <c>[b0, b1, b2, 1, a1, a2]</c>.</returns>
    /// <exception cref="FilterSpecificationException">An option is out of range.</exception>
    public static SecondOrderSections DesignSections(double frequency, double qualityFactor, double sampleRate)
    {
        TransferFunction tf = Design(frequency, qualityFactor, sampleRate);
        return new SecondOrderSections([.. tf.B, .. tf.A]);
    }
}
