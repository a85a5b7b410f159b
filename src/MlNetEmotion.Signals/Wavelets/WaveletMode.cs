namespace MlNetEmotion.Signals.Wavelets;

/// <summary>How the discrete wavelet transform extends a signal past its ends (PyWavelets' <c>mode</c>).</summary>
public enum WaveletMode
{
    /// <summary>
    /// Half-sample symmetric extension (<c>... x1 x0 | x0 x1 ... xn-1 | xn-1 xn-2 ...</c>), PyWavelets' default:
    /// each level yields <c>⌊(n + F − 1)/2⌋</c> coefficients.
    /// </summary>
    Symmetric,

    /// <summary>
    /// Periodic extension with exactly <c>⌈n/2⌉</c> coefficients per level (an odd-length signal is first padded
    /// by repeating its last sample): an orthogonal transform for even lengths.
    /// </summary>
    Periodization,
}
