namespace MlNetEmotion.Audio.Features;

/// <summary>Mel frequency scales and how the triangular filters are laid on them.</summary>
public enum MelScale
{
    /// <summary>HTK: <c>mel = 2595·log10(1 + f/700)</c>; triangles linear in Hz between mel-spaced corner
    /// frequencies (torchaudio's default, librosa with <c>htk=True</c>).</summary>
    Htk,

    /// <summary>Slaney's Auditory Toolbox scale: linear (<c>f / (200/3)</c>) below 1 kHz, logarithmic above (step
    /// <c>ln(6.4)/27</c>); triangles linear in Hz (librosa's default).</summary>
    Slaney,

    /// <summary>Kaldi: <c>mel = 1127·ln(1 + f/700)</c>; triangles linear in mel over the <c>n_fft/2</c> bins below
    /// Nyquist, the Nyquist bin weighted 0 (<c>torchaudio.compliance.kaldi.get_mel_banks</c>). A negative maximum
    /// frequency counts down from Nyquist.</summary>
    Kaldi,
}

/// <summary>Area normalisation of mel filters.</summary>
public enum MelNormalization
{
    /// <summary>Peak 1 for every triangle.</summary>
    None,

    /// <summary>Slaney: each triangle divided by half its width in Hz (<c>2 / (f[m+2] − f[m])</c>), so every filter
    /// has about the same area (<c>norm="slaney"</c>).</summary>
    Slaney,
}

/// <summary>Conversions between hertz and mels.</summary>
public static class MelConversions
{
    private const double SlaneyStep = 200.0 / 3;   // Hz per mel below 1 kHz
    private const double SlaneyBreakHz = 1000;
    private const double SlaneyBreakMel = SlaneyBreakHz / SlaneyStep;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27;

    /// <summary>Hertz to mels on <paramref name="scale"/>.</summary>
    /// <param name="hz">Frequency in Hz.</param>
    /// <param name="scale">Mel scale.</param>
    public static double HzToMel(double hz, MelScale scale) => scale switch
    {
        MelScale.Htk => 2595.0 * Math.Log10(1.0 + hz / 700.0),
        MelScale.Kaldi => 1127.0 * Math.Log(1.0 + hz / 700.0),
        MelScale.Slaney => hz >= SlaneyBreakHz ? SlaneyBreakMel + Math.Log(hz / SlaneyBreakHz) / SlaneyLogStep : hz / SlaneyStep,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown mel scale."),
    };

    /// <summary>Mels on <paramref name="scale"/> to hertz.</summary>
    /// <param name="mel">Mel value.</param>
    /// <param name="scale">Mel scale.</param>
    public static double MelToHz(double mel, MelScale scale) => scale switch
    {
        MelScale.Htk => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0),
        MelScale.Kaldi => 700.0 * (Math.Exp(mel / 1127.0) - 1.0),
        MelScale.Slaney => mel >= SlaneyBreakMel ? SlaneyBreakHz * Math.Exp(SlaneyLogStep * (mel - SlaneyBreakMel)) : SlaneyStep * mel,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown mel scale."),
    };
}
