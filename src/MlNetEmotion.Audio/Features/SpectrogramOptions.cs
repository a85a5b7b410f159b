using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Framing, windowing and FFT settings of a power or magnitude spectrogram. Defaults are those of
/// <c>torchaudio.transforms.Spectrogram</c>.</summary>
public record SpectrogramOptions
{
    /// <summary>Sample rate of the input in Hz. Default 16000.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>FFT size <c>n_fft</c>. Default 400.</summary>
    public int FftLength { get; init; } = 400;

    /// <summary>Window length (<c>win_length</c>); null means <see cref="FftLength"/>.</summary>
    public int? WindowLength { get; init; }

    /// <summary>Hop between frames; null means <c>WindowLength / 2</c> (torchaudio's default).</summary>
    public int? HopLength { get; init; }

    /// <summary>Window shape. Default <see cref="WindowKind.Hann"/>.</summary>
    public WindowKind Window { get; init; } = WindowKind.Hann;

    /// <summary>Periodic (true) or symmetric window. Default true.</summary>
    public bool PeriodicWindow { get; init; } = true;

    /// <summary>Frame placement. Default <see cref="FramingMode.Centered"/>.</summary>
    public FramingMode Framing { get; init; } = FramingMode.Centered;

    /// <summary>Padding for <see cref="FramingMode.Centered"/>. Default <see cref="PaddingMode.Reflect"/>.</summary>
    public PaddingMode PadMode { get; init; } = PaddingMode.Reflect;

    /// <summary>Subtract each frame's mean before windowing (Kaldi <c>remove_dc_offset</c>). Default false.</summary>
    public bool RemoveDcOffset { get; init; }

    /// <summary>Per-frame pre-emphasis coefficient applied after DC removal, Kaldi style:
    /// <c>y[i] = x[i] − c·x[i−1]</c> with <c>x[−1] = x[0]</c>. Default 0 (off).</summary>
    public double PreEmphasis { get; init; }

    /// <summary>Exponent of the magnitude: 2 for power, 1 for magnitude. Default 2.</summary>
    public double Power { get; init; } = 2.0;

    /// <summary>Threads used across frames; 0 means all processors. Results do not depend on it. Default 0.</summary>
    public int Threads { get; init; }

    /// <summary>The window length in effect.</summary>
    public int EffectiveWindowLength => WindowLength ?? FftLength;

    /// <summary>The hop length in effect.</summary>
    public int EffectiveHopLength => HopLength ?? EffectiveWindowLength / 2;
}

/// <summary>Mel spectrogram settings. Defaults are those of <c>torchaudio.transforms.MelSpectrogram</c>.</summary>
public record MelSpectrogramOptions : SpectrogramOptions
{
    /// <summary>Number of mel filters. Default 128.</summary>
    public int MelCount { get; init; } = 128;

    /// <summary>Lowest frequency in Hz. Default 0.</summary>
    public double MinFrequency { get; init; }

    /// <summary>Highest frequency in Hz; null means Nyquist. Default null.</summary>
    public double? MaxFrequency { get; init; }

    /// <summary>Mel scale and filter layout. Default <see cref="Features.MelScale.Htk"/>.</summary>
    public MelScale MelScale { get; init; } = MelScale.Htk;

    /// <summary>Filter area normalisation. Default <see cref="MelNormalization.None"/>.</summary>
    public MelNormalization MelNormalization { get; init; } = MelNormalization.None;
}

/// <summary>How filter energies are compressed.</summary>
public enum LogScale
{
    /// <summary>Decibels: <c>m·log10(max(x, amin)) − m·log10(max(amin, ref))</c>, then values below
    /// <c>max − top_db</c> (over the whole spectrogram) raised to it (<c>torchaudio AmplitudeToDB</c>,
    /// <c>librosa.power_to_db</c>).</summary>
    Decibels,

    /// <summary>Natural log with a floor: <c>ln(max(x, floor))</c> (Kaldi, floor = float32 epsilon).</summary>
    Natural,
}

/// <summary>Log-mel spectrogram settings: the mel settings plus the log compression. Defaults are
/// <c>MelSpectrogram</c> followed by <c>AmplitudeToDB("power", top_db=80)</c>.</summary>
public record LogMelOptions : MelSpectrogramOptions
{
    /// <summary>Compression. Default <see cref="Features.LogScale.Decibels"/>.</summary>
    public LogScale LogScale { get; init; } = LogScale.Decibels;

    /// <summary>Decibel multiplier: 10 for power, 20 for magnitude. Default 10.</summary>
    public double DecibelMultiplier { get; init; } = 10.0;

    /// <summary>Smallest value before the decibel log (<c>amin</c>). Default 1e-10.</summary>
    public double Amin { get; init; } = 1e-10;

    /// <summary>Reference value for 0 dB (<c>ref</c>). Default 1.</summary>
    public double Reference { get; init; } = 1.0;

    /// <summary>Dynamic range kept below the maximum in dB; null keeps everything. Default 80.</summary>
    public double? TopDb { get; init; } = 80.0;

    /// <summary>Floor before the natural log. Default float32 epsilon, 1.1920929e-07 (Kaldi).</summary>
    public double LogFloor { get; init; } = 1.1920928955078125e-07;
}

/// <summary>MFCC settings: the log-mel settings plus the DCT and lifter. Defaults are those of
/// <c>torchaudio.transforms.MFCC</c> (40 coefficients from 128 HTK mels in dB with top_db 80, DCT-II ortho).</summary>
public record MfccOptions : LogMelOptions
{
    /// <summary>Number of cepstral coefficients kept (<c>n_mfcc</c>). Default 40.</summary>
    public int CoefficientCount { get; init; } = 40;

    /// <summary>Orthonormal DCT-II (true, <c>norm="ortho"</c>) or the unnormalised <c>2·Σ</c> form (false). Default true.</summary>
    public bool OrthonormalDct { get; init; } = true;

    /// <summary>Sinusoidal lifter <c>L</c>: coefficient <c>i</c> is multiplied by <c>1 + (L/2)·sin(π·i/L)</c>; 0 for
    /// none (Kaldi uses 22). Default 0.</summary>
    public double Lifter { get; init; }
}
