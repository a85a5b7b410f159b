namespace MlNetEmotion.Eeg.Features;

/// <summary>How band power is estimated in each window.</summary>
public enum BandPowerMethod
{
    /// <summary>
    /// Welch PSD of the window (<c>scipy.signal.welch</c> defaults: periodic Hann, nperseg = min(256, window),
    /// 50 % overlap, constant detrend, density scaling), summed over the bins with low ≤ f &lt; high times the
    /// bin width. Needs windows long enough that every band holds a bin (fs / nperseg ≤ band width).
    /// </summary>
    Welch,

    /// <summary>
    /// Zero-phase Butterworth band-pass of the whole signal (<c>sosfiltfilt</c>), then the mean square of each
    /// window: works for windows of any length, e.g. 1/8 s frames at 128 Hz.
    /// </summary>
    FilterBank,
}
