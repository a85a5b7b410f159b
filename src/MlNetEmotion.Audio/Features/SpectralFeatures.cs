using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Power (or magnitude) spectrogram, <c>[n_fft/2 + 1, frames]</c>; with the default options equal to
/// <c>torchaudio.transforms.Spectrogram()</c>. Build once, reuse for many signals (window and FFT plan are cached).</summary>
public sealed class SpectrogramExtractor
{
    private readonly FrameAnalyzer analyzer;

    /// <summary>Creates the extractor.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public SpectrogramExtractor(SpectrogramOptions? options = null) => analyzer = new FrameAnalyzer(options ?? new SpectrogramOptions());

    /// <summary>Computes the spectrogram of a mono signal.</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">The signal is shorter than one frame.</exception>
    public Spectrogram Compute(ReadOnlySpan<float> signal)
    {
        int bins = analyzer.BinCount;
        var byFrame = analyzer.Run(signal, bins, 0, static (spectrum, _, output) =>
        {
            spectrum.CopyTo(output);
        }, out int frames);
        var result = FrameAnalyzer.Transpose(byFrame, frames, bins);
        System.Buffers.ArrayPool<float>.Shared.Return(byFrame);
        return result;
    }
}

/// <summary>Mel spectrogram <c>[mels, frames]</c>; with the default options equal to
/// <c>torchaudio.transforms.MelSpectrogram()</c>.</summary>
public sealed class MelSpectrogramExtractor
{
    private readonly FrameAnalyzer analyzer;

    /// <summary>Creates the extractor.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public MelSpectrogramExtractor(MelSpectrogramOptions? options = null)
    {
        Options = options ?? new MelSpectrogramOptions();
        analyzer = new FrameAnalyzer(Options);
        FilterBank = MelFilterBank.Create(Options.FftLength, Options.SampleRate, Options.MelCount, Options.MinFrequency,
            Options.MaxFrequency, Options.MelScale, Options.MelNormalization);
    }

    /// <summary>The settings.</summary>
    public MelSpectrogramOptions Options { get; }

    /// <summary>The mel filters in use.</summary>
    public MelFilterBank FilterBank { get; }

    /// <summary>Computes the mel spectrogram of a mono signal.</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">The signal is shorter than one frame.</exception>
    public Spectrogram Compute(ReadOnlySpan<float> signal)
    {
        var byFrame = ComputeByFrame(signal, null, out int frames);
        var result = FrameAnalyzer.Transpose(byFrame, frames, FilterBank.MelCount);
        System.Buffers.ArrayPool<float>.Shared.Return(byFrame);
        return result;
    }

    /// <summary>Mel energies, optionally log-compressed per frame, <c>[frames, mels]</c> in a pooled array the caller returns.</summary>
    internal float[] ComputeByFrame(ReadOnlySpan<float> signal, LogMelOptions? log, out int frames)
    {
        var bank = FilterBank;
        return analyzer.Run(signal, bank.MelCount, 0, (spectrum, _, output) =>
        {
            bank.Apply(spectrum, output);
            if (log is not null) LogCompression.Apply(output, log);
        }, out frames);
    }
}

/// <summary>Log-mel spectrogram <c>[mels, frames]</c>: decibels with a top-dB clamp (the default,
/// <c>AmplitudeToDB("power", 80)</c> of <c>MelSpectrogram()</c>) or Kaldi's floored natural log (fbank).</summary>
public sealed class LogMelExtractor
{
    private readonly MelSpectrogramExtractor mel;

    /// <summary>Creates the extractor.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public LogMelExtractor(LogMelOptions? options = null)
    {
        Options = options ?? new LogMelOptions();
        mel = new MelSpectrogramExtractor(Options);
    }

    /// <summary>The settings.</summary>
    public LogMelOptions Options { get; }

    /// <summary>Computes the log-mel spectrogram of a mono signal.</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">The signal is shorter than one frame.</exception>
    public Spectrogram Compute(ReadOnlySpan<float> signal)
    {
        var byFrame = mel.ComputeByFrame(signal, Options, out int frames);
        LogCompression.ClampTopDb(byFrame.AsSpan(0, frames * Options.MelCount), Options);
        var result = FrameAnalyzer.Transpose(byFrame, frames, Options.MelCount);
        System.Buffers.ArrayPool<float>.Shared.Return(byFrame);
        return result;
    }
}

/// <summary>Mel-frequency cepstral coefficients <c>[coefficients, frames]</c>: log-mel, DCT-II, optional lifter.
/// With the default options equal to <c>torchaudio.transforms.MFCC()</c>; see <see cref="FeaturePresets"/> for
/// Kaldi and librosa.</summary>
public sealed class MfccExtractor
{
    private readonly MelSpectrogramExtractor mel;
    private readonly float[] dct; // lifter folded in: row k scaled by its lifter weight

    /// <summary>Creates the extractor.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">More coefficients than mel bands were asked for.</exception>
    public MfccExtractor(MfccOptions? options = null)
    {
        Options = options ?? new MfccOptions();
        mel = new MelSpectrogramExtractor(Options);
        var basis = Dct.Matrix(Options.CoefficientCount, Options.MelCount, Options.OrthonormalDct);
        var lifter = Dct.LifterWeights(Options.CoefficientCount, Options.Lifter);
        dct = new float[basis.Length];
        for (int i = 0; i < basis.Length; i++) dct[i] = (float)(basis[i] * lifter[i / Options.MelCount]);
    }

    /// <summary>The settings.</summary>
    public MfccOptions Options { get; }

    /// <summary>Computes the MFCCs of a mono signal.</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">The signal is shorter than one frame.</exception>
    public Spectrogram Compute(ReadOnlySpan<float> signal)
    {
        int mels = Options.MelCount, coefficients = Options.CoefficientCount;
        var logMel = mel.ComputeByFrame(signal, Options, out int frames);
        LogCompression.ClampTopDb(logMel.AsSpan(0, frames * mels), Options);
        var result = new Spectrogram(coefficients, frames);
        var data = result.Data;
        const int Chunk = 256;
        // DCT in float32 like torchaudio's matmul; each value is one dot product, independent of the thread count.
        ChunkRunner.Run((frames + Chunk - 1) / Chunk, Options.Threads, c =>
        {
            for (int t = c * Chunk; t < Math.Min(frames, (c + 1) * Chunk); t++)
            {
                var x = logMel.AsSpan(t * mels, mels);
                for (int k = 0; k < coefficients; k++)
                    data[(long)k * frames + t] = System.Numerics.Tensors.TensorPrimitives.Dot(dct.AsSpan(k * mels, mels), x);
            }
        });
        System.Buffers.ArrayPool<float>.Shared.Return(logMel);
        return result;
    }
}
