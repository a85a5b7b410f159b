namespace MlNetEmotion.Signals.Wavelets;

/// <summary>How wavelet coefficients are shrunk against a threshold (PyWavelets' <c>pywt.threshold</c> modes).</summary>
public enum ThresholdFunction
{
    /// <summary>Soft: <c>sign(c)·max(|c| − t, 0)</c>.</summary>
    Soft,

    /// <summary>Hard: <c>c</c> where <c>|c| ≥ t</c>, else 0.</summary>
    Hard,
}
