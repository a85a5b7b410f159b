namespace MlNetEmotion.Signals.Fourier;

/// <summary>Analysis window shapes.</summary>
public enum WindowKind
{
    /// <summary>All ones (no taper).</summary>
    Rectangular,

    /// <summary>Hann: <c>0.5 − 0.5·cos(2πn/N)</c> (<c>torch.hann_window</c>).</summary>
    Hann,

    /// <summary>Hamming: <c>0.54 − 0.46·cos(2πn/N)</c> (<c>torch.hamming_window</c>).</summary>
    Hamming,

    /// <summary>Blackman: <c>0.42 − 0.5·cos(2πn/N) + 0.08·cos(4πn/N)</c> (<c>torch.blackman_window</c>, Kaldi's blackman with coefficient 0.42).</summary>
    Blackman,

    /// <summary>Povey (Kaldi's default): the Hann window raised to the power 0.85.</summary>
    Povey,
}
