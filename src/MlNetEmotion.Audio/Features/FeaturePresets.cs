using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Families of reference settings reproduced by <see cref="FeaturePresets"/>.</summary>
public enum FeaturePreset
{
    /// <summary><c>torchaudio.transforms.MFCC</c> / <c>MelSpectrogram</c> defaults.</summary>
    Torchaudio,

    /// <summary><c>torchaudio.compliance.kaldi.mfcc</c> / <c>fbank</c> defaults (Kaldi's <c>compute-mfcc-feats</c>).</summary>
    Kaldi,

    /// <summary><c>librosa.feature.mfcc</c> / <c>melspectrogram</c> defaults (with reflect padding).</summary>
    Librosa,
}

/// <summary>Settings that reproduce reference implementations to 1e-4 relative (checked against torchaudio 0.13
/// fixtures). All presets take the sample rate of the audio; nothing is resampled.</summary>
public static class FeaturePresets
{
    /// <summary><c>torchaudio.transforms.MFCC(sample_rate)</c> defaults: n_fft 400, win_length 400, hop 200, periodic
    /// Hann, centred frames with reflect padding, power 2, 128 HTK mels from 0 Hz to Nyquist without normalisation,
    /// <c>AmplitudeToDB("power", top_db=80)</c> (10·log10, amin 1e-10, ref 1, clamp at max − 80 dB over the whole
    /// spectrogram), 40 coefficients by orthonormal DCT-II, no lifter.</summary>
    /// <param name="sampleRate">Sample rate of the audio in Hz.</param>
    public static MfccOptions TorchaudioMfcc(int sampleRate = 16000) => new() { SampleRate = sampleRate };

    /// <summary><c>torchaudio.transforms.MelSpectrogram(sample_rate)</c> defaults (the mel part of
    /// <see cref="TorchaudioMfcc"/>: n_fft 400, hop 200, periodic Hann, centred reflect, power 2, 128 HTK mels).</summary>
    /// <param name="sampleRate">Sample rate of the audio in Hz.</param>
    public static MelSpectrogramOptions TorchaudioMelSpectrogram(int sampleRate = 16000) => new() { SampleRate = sampleRate };

    /// <summary><c>torchaudio.compliance.kaldi.mfcc</c> defaults: 25 ms frames (<c>win_length = sr·0.025</c>), 10 ms shift,
    /// <c>snip_edges=True</c>, dither 0, DC offset removed per frame, per-frame pre-emphasis 0.97 (first sample
    /// against itself), symmetric Povey window (Hann^0.85), zero-padded to the next power of two (<c>n_fft</c> 512 at
    /// 16 kHz), power spectrum, 23 Kaldi mel bins from 20 Hz to Nyquist (triangles linear in mel), natural log floored
    /// at float32 epsilon, 13 coefficients by orthonormal DCT-II, cepstral lifter 22, no energy term
    /// (<c>use_energy=False</c>, so <c>energy_floor</c> and <c>raw_energy</c> have no effect), no mean subtraction.
    /// Samples are used as given (Kaldi tools read 16-bit integers; multiply by 32768 first to match those).</summary>
    /// <param name="sampleRate">Sample rate of the audio in Hz.</param>
    public static MfccOptions KaldiMfcc(int sampleRate = 16000) => KaldiFbank(sampleRate) with { CoefficientCount = 13, Lifter = 22 };

    /// <summary><c>torchaudio.compliance.kaldi.fbank</c> defaults: the front end of <see cref="KaldiMfcc"/> (23 log mel
    /// energies), returned as MFCC options whose log-mel part is the fbank.</summary>
    /// <param name="sampleRate">Sample rate of the audio in Hz.</param>
    public static MfccOptions KaldiFbank(int sampleRate = 16000)
    {
        int window = (int)(sampleRate * 25.0 * 0.001), shift = (int)(sampleRate * 10.0 * 0.001);
        int fft = 1;
        while (fft < window) fft <<= 1;
        return new MfccOptions
        {
            SampleRate = sampleRate, FftLength = fft, WindowLength = window, HopLength = shift,
            Window = WindowKind.Povey, PeriodicWindow = false, Framing = FramingMode.KaldiSnipEdges,
            RemoveDcOffset = true, PreEmphasis = 0.97, Power = 2,
            MelCount = 23, MinFrequency = 20, MaxFrequency = 0, MelScale = MelScale.Kaldi, MelNormalization = MelNormalization.None,
            LogScale = LogScale.Natural, TopDb = null,
            CoefficientCount = 13, OrthonormalDct = true, Lifter = 0,
        };
    }

    /// <summary>librosa defaults for <c>librosa.feature.mfcc(y, sr)</c>: n_fft 2048, win_length 2048, hop 512,
    /// periodic Hann, centred frames with reflect padding (librosa &lt; 0.10's default), power 2, 128 Slaney-scale mels
    /// with Slaney area normalisation from 0 Hz to Nyquist, <c>power_to_db</c> (10·log10, amin 1e-10, ref 1,
    /// top_db 80), 20 coefficients by orthonormal DCT-II, no lifter.</summary>
    /// <param name="sampleRate">Sample rate of the audio in Hz.</param>
    public static MfccOptions LibrosaMfcc(int sampleRate = 22050) => new()
    {
        SampleRate = sampleRate, FftLength = 2048, HopLength = 512,
        MelCount = 128, MelScale = MelScale.Slaney, MelNormalization = MelNormalization.Slaney,
        CoefficientCount = 20,
    };

    /// <summary>The MFCC options of <paramref name="preset"/>.</summary>
    /// <param name="preset">Reference family.</param>
    /// <param name="sampleRate">Sample rate of the audio in Hz.</param>
    public static MfccOptions Mfcc(FeaturePreset preset, int sampleRate) => preset switch
    {
        FeaturePreset.Torchaudio => TorchaudioMfcc(sampleRate),
        FeaturePreset.Kaldi => KaldiMfcc(sampleRate),
        FeaturePreset.Librosa => LibrosaMfcc(sampleRate),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
