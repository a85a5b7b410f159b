using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Audio.Pipeline;

namespace MlNetEmotion;

/// <summary><c>mlContext.Transforms.Audio</c>: speech pipeline steps (papers 003/004). A text column of file paths becomes an audio
/// column (<see cref="ReadAudio"/>); waveform steps map audio to audio; feature steps produce float32
/// <c>[rows, frames]</c> columns, <see cref="Deltas"/> stacks them into <c>[channels, rows, frames]</c> images and
/// <see cref="FixLength"/> makes the frame count constant. <c>inputColumnName</c> defaults as documented per step.</summary>
public sealed class AudioCatalog
{
    /// <summary>Creates the catalog on <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The ML.NET transforms catalog it extends.</param>
    public AudioCatalog(TransformsCatalog catalog) => Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>The ML.NET transforms catalog this catalog extends.</summary>
    public TransformsCatalog Catalog { get; }

    /// <summary>Reads the audio file named in a text column: WAV/RF64 and raw PCM here, everything else (MP3, FLAC,
    /// Ogg, the audio track of MP4/AVI video) through ffmpeg.</summary>
    /// <param name="outputColumnName">Audio column produced. Default <c>Audio</c>.</param>
    /// <param name="inputColumnName">Text column of file paths. Default <c>Path</c>.</param>
    /// <param name="options">Expected rate, mono mix-down, raw layout; null means mono mix-down (mean of channels)
    /// with the file's own rate.</param>
    public IEstimator<ReadAudioTransformer> ReadAudio(string outputColumnName = "Audio", string inputColumnName = "Path", AudioReadOptions? options = null)
    {
        var t = new ReadAudioTransformer(outputColumnName, inputColumnName, options ?? new AudioReadOptions { Mono = true });
        return new StatelessEstimator<ReadAudioTransformer>(t, t.GetOutputShape);
    }

    /// <summary>Polyphase resampling to <paramref name="targetRate"/> (SciPy <c>resample_poly</c>, Kaiser β 5).</summary>
    /// <param name="outputColumnName">Audio column produced. Default <c>Audio</c>.</param>
    /// <param name="inputColumnName">Audio column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="targetRate">New rate in Hz. Default 16000.</param>
    public IEstimator<AudioWaveformTransformer> Resample(string outputColumnName = "Audio", string? inputColumnName = null, int targetRate = 16000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRate, 1);
        return Waveform(outputColumnName, inputColumnName, AudioWaveformStep.Resample, targetRate);
    }

    /// <summary>Removes leading and trailing silence (librosa <c>effects.trim</c> rule on the mono mix).</summary>
    /// <param name="outputColumnName">Audio column produced. Default <c>Audio</c>.</param>
    /// <param name="inputColumnName">Audio column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="topDb">Frames more than this many dB below the loudest frame are silent. Default 60.</param>
    /// <param name="frameLength">RMS frame length in samples. Default 2048.</param>
    /// <param name="hopLength">RMS hop in samples. Default 512.</param>
    public IEstimator<AudioWaveformTransformer> TrimSilence(string outputColumnName = "Audio", string? inputColumnName = null, double topDb = 60, int frameLength = 2048, int hopLength = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hopLength, 1);
        return Waveform(outputColumnName, inputColumnName, AudioWaveformStep.TrimSilence, topDb, frameLength, hopLength);
    }

    /// <summary>MFCCs, float32 <c>[coefficients, frames]</c>.</summary>
    /// <param name="outputColumnName">Feature column produced. Default <c>Mfcc</c>.</param>
    /// <param name="inputColumnName">Audio column read. Default <c>Audio</c>.</param>
    /// <param name="options">Settings; null means <see cref="FeaturePresets.TorchaudioMfcc"/> (see <see cref="FeaturePresets"/>
    /// for Kaldi and librosa). The audio's own rate is used.</param>
    public IEstimator<SpectralFeatureTransformer> Mfcc(string outputColumnName = "Mfcc", string inputColumnName = "Audio", MfccOptions? options = null) =>
        Feature(outputColumnName, inputColumnName, SpectralFeatureKind.Mfcc, options ?? FeaturePresets.TorchaudioMfcc());

    /// <summary>Log-mel spectrogram, float32 <c>[mels, frames]</c>.</summary>
    /// <param name="outputColumnName">Feature column produced. Default <c>LogMel</c>.</param>
    /// <param name="inputColumnName">Audio column read. Default <c>Audio</c>.</param>
    /// <param name="options">Settings; null means torchaudio's <c>MelSpectrogram</c> then <c>AmplitudeToDB("power", 80)</c>.
    /// Kaldi fbank: <see cref="FeaturePresets.KaldiFbank"/>. The audio's own rate is used.</param>
    public IEstimator<SpectralFeatureTransformer> LogMelSpectrogram(string outputColumnName = "LogMel", string inputColumnName = "Audio", LogMelOptions? options = null) =>
        Feature(outputColumnName, inputColumnName, SpectralFeatureKind.LogMel, options ?? new LogMelOptions());

    /// <summary>Stacks static features with their deltas (and delta-deltas): <c>[1 + order, rows, frames]</c>, the
    /// spectrogram image of the papers' CNN branches.</summary>
    /// <param name="outputColumnName">Feature column produced. Default <c>Image</c>.</param>
    /// <param name="inputColumnName">Two-dimensional feature column read. Default <c>Mfcc</c>.</param>
    /// <param name="order">1 or 2. Default 2.</param>
    /// <param name="width">Regression window (<c>compute_deltas</c> <c>win_length</c>). Default 5.</param>
    public IEstimator<DeltasTransformer> Deltas(string outputColumnName = "Image", string inputColumnName = "Mfcc", int order = 2, int width = 5)
    {
        var t = new DeltasTransformer(outputColumnName, inputColumnName, order, width);
        return new StatelessEstimator<DeltasTransformer>(t, t.GetOutputShape);
    }

    /// <summary>Crops or pads the frame dimension to <paramref name="frames"/>.</summary>
    /// <param name="outputColumnName">Feature column produced. Default <c>Image</c>.</param>
    /// <param name="inputColumnName">Feature column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="frames">Target frame count. Default 300 (3 s at a 10 ms hop).</param>
    /// <param name="crop">Part kept when cropping. Default <see cref="CropPosition.Start"/>.</param>
    /// <param name="padValue">Value appended when padding. Default 0.</param>
    public IEstimator<FixLengthTransformer> FixLength(string outputColumnName = "Image", string? inputColumnName = null, int frames = 300, CropPosition crop = CropPosition.Start, float padValue = 0)
    {
        var t = new FixLengthTransformer(outputColumnName, inputColumnName ?? outputColumnName, frames, crop, padValue);
        return new StatelessEstimator<FixLengthTransformer>(t, t.GetOutputShape);
    }

    private static StatelessEstimator<AudioWaveformTransformer> Waveform(string output, string? input, AudioWaveformStep step, params double[] parameters)
    {
        var t = new AudioWaveformTransformer(output, input ?? output, step, parameters);
        return new StatelessEstimator<AudioWaveformTransformer>(t, t.GetOutputShape);
    }

    private static StatelessEstimator<SpectralFeatureTransformer> Feature(string output, string input, SpectralFeatureKind kind, LogMelOptions options)
    {
        var t = new SpectralFeatureTransformer(output, input, kind, options);
        return new StatelessEstimator<SpectralFeatureTransformer>(t, t.GetOutputShape);
    }
}

/// <summary>Adds <c>mlContext.Transforms.Audio</c> to ML.NET's <see cref="TransformsCatalog"/>.</summary>
public static class AudioCatalogExtensions
{
    extension(TransformsCatalog catalog)
    {
        /// <summary>Audio transforms: read, resample, trim, MFCC, log-mel, deltas, fixed length.</summary>
        public AudioCatalog Audio => new(catalog);
    }
}
