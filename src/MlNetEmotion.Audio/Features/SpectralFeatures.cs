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
        int bins = analyzer.BinCount, frames = analyzer.CheckedFrameCount(signal);
        var result = new Spectrogram(bins, frames);
        analyzer.Run(signal, frames, 0, (power, _, first, count) => FrameAnalyzer.Scatter(power, bins, result.Data, frames, first, count));
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
        int frames = analyzer.CheckedFrameCount(signal);
        var result = new Spectrogram(FilterBank.MelCount, frames);
        Compute(signal, null, result.Data, frames);
        return result;
    }

    /// <summary>Frames of <paramref name="signal"/> (at least one).</summary>
    /// <exception cref="ArgumentException">The signal is shorter than one frame.</exception>
    internal int FrameCount(ReadOnlySpan<float> signal) => analyzer.CheckedFrameCount(signal);

    /// <summary>Mel energies, optionally log-compressed, into <paramref name="output"/> as <c>[mels, frames]</c>.</summary>
    internal void Compute(ReadOnlySpan<float> signal, LogMelOptions? log, float[] output, int frames)
    {
        var bank = FilterBank;
        int mels = bank.MelCount, lanes = FrameAnalyzer.Lanes;
        analyzer.Run(signal, frames, mels * lanes, (power, scratch, first, count) =>
        {
            bank.ApplyInterleaved(power, scratch);
            if (log is not null) LogCompression.Apply(scratch, log);
            FrameAnalyzer.Scatter(scratch, mels, output, frames, first, count);
        });
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
        int frames = mel.FrameCount(signal);
        var result = new Spectrogram(Options.MelCount, frames);
        mel.Compute(signal, Options, result.Data, frames);
        LogCompression.ClampTopDb(result.Data, Options);
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
        int mels = Options.MelCount, coefficients = Options.CoefficientCount, frames = mel.FrameCount(signal);
        var logMel = System.Buffers.ArrayPool<float>.Shared.Rent(checked(mels * frames));
        try
        {
            mel.Compute(signal, Options, logMel, frames);
            LogCompression.ClampTopDb(logMel.AsSpan(0, mels * frames), Options);
            var result = new Spectrogram(coefficients, frames);
            // DCT in float32 like torchaudio's matmul, as one matrix product over all frames; ranges start at whole
            // blocks so each value's arithmetic is independent of the thread count.
            int block = DctProduct.Block;
            ChunkRunner.Run((frames + block - 1) / block, Options.Threads, (first, end) =>
                DctProduct.Apply(dct, coefficients, mels, logMel.AsSpan(0, mels * frames), result.Data, frames, first * block, Math.Min(frames, end * block)));
            return result;
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(logMel);
        }
    }
}
