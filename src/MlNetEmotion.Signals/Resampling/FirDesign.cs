namespace MlNetEmotion.Signals.Resampling;

/// <summary>Windowed-sinc FIR design (<c>scipy.signal.firwin</c>, low-pass case).</summary>
public static class FirDesign
{
    /// <summary>
    /// Linear-phase low-pass FIR filter by the window method, scaled to unit gain at DC
    /// (<c>scipy.signal.firwin(numTaps, cutoff, window=('kaiser', beta))</c>).
    /// </summary>
    /// <param name="numTaps">Number of taps, at least 1.</param>
    /// <param name="cutoff">Cutoff relative to the Nyquist frequency, strictly between 0 and 1.</param>
    /// <param name="kaiserBeta">Kaiser window shape parameter β.</param>
    /// <returns>The filter taps.</returns>
    public static double[] FirwinLowPass(int numTaps, double cutoff, double kaiserBeta) =>
        FirwinLowPass(numTaps, cutoff, KaiserWindow.Symmetric(numTaps, kaiserBeta));

    /// <summary>Low-pass window-method FIR design with an explicit (symmetric) window of <paramref name="numTaps"/> points.</summary>
    /// <param name="numTaps">Number of taps, at least 1.</param>
    /// <param name="cutoff">Cutoff relative to the Nyquist frequency, strictly between 0 and 1.</param>
    /// <param name="window">The window, <paramref name="numTaps"/> points.</param>
    /// <returns>The filter taps, scaled to unit gain at DC.</returns>
    public static double[] FirwinLowPass(int numTaps, double cutoff, ReadOnlySpan<double> window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numTaps, 1);
        if (!(cutoff > 0 && cutoff < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The FIR cutoff is relative to Nyquist and must lie strictly between 0 and 1.");
        }

        if (window.Length != numTaps)
        {
            throw new ArgumentException($"The window has {window.Length} points but the filter has {numTaps} taps.", nameof(window));
        }

        var h = new double[numTaps];
        double alpha = 0.5 * (numTaps - 1);
        double sum = 0;
        for (int n = 0; n < numTaps; n++)
        {
            double m = n - alpha;
            h[n] = cutoff * Sinc(cutoff * m) * window[n];
            sum += h[n];
        }

        for (int n = 0; n < numTaps; n++)
        {
            h[n] /= sum;
        }

        return h;
    }

    private static double Sinc(double x)
    {
        if (x == 0)
        {
            return 1.0;
        }

        double y = Math.PI * x;
        return Math.Sin(y) / y;
    }
}
