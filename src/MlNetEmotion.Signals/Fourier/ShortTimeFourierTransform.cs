using System.Buffers;
using System.Numerics.Tensors;

namespace MlNetEmotion.Signals.Fourier;

/// <summary>Short-time Fourier transform with the framing, windowing and padding of <c>torch.stft</c>
/// (<c>normalized=False</c>): frame <c>t</c> covers padded samples <c>[t·hop, t·hop + n_fft)</c>, is multiplied by the
/// window (zero-padded and centred to <c>n_fft</c>) and transformed with an unscaled real FFT.</summary>
/// <remarks>The window and FFT plan are built once and reused for every frame and call. Frames are independent,
/// so <see cref="Power"/> and <see cref="Magnitude"/> split them across threads with bit-identical results.</remarks>
public sealed class ShortTimeFourierTransform
{
    private readonly RealFftPlan plan;
    private readonly double[] window; // FftLength long, zero outside the centred window

    /// <summary>Creates the transform.</summary>
    /// <param name="options">Settings; see <see cref="StftOptions"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A length or hop is not positive, or the window is longer than the FFT.</exception>
    public ShortTimeFourierTransform(StftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FftLength < 1) throw new ArgumentException($"FftLength must be at least 1 but was {options.FftLength}.", nameof(options));
        if (options.EffectiveHopLength < 1) throw new ArgumentException($"HopLength must be at least 1 but was {options.EffectiveHopLength}.", nameof(options));
        int win = options.EffectiveWindowLength;
        if (win < 1 || win > options.FftLength)
            throw new ArgumentException($"WindowLength must be in [1, FftLength={options.FftLength}] but was {win}.", nameof(options));
        Options = options;
        plan = new RealFftPlan(options.FftLength);
        window = new double[options.FftLength];
        Windows.Create(options.Window, win, options.PeriodicWindow).CopyTo(window, (options.FftLength - win) / 2);
    }

    /// <summary>The settings this transform was built with.</summary>
    public StftOptions Options { get; }

    /// <summary>Rows of the output: <c>n_fft / 2 + 1</c> when one-sided, else <c>n_fft</c>.</summary>
    public int BinCount => Options.OneSided ? plan.BinCount : Options.FftLength;

    /// <summary>The window as applied to each <c>n_fft</c>-sample frame (zero-padded and centred).</summary>
    public ReadOnlySpan<double> Window => window;

    /// <summary>Number of frames for a signal of <paramref name="sampleCount"/> samples:
    /// <c>1 + (L + 2·pad − n_fft) / hop</c>, with <c>pad = n_fft / 2</c> when centred.</summary>
    /// <param name="sampleCount">Signal length.</param>
    /// <returns>The frame count, or 0 when the (padded) signal is shorter than one frame.</returns>
    public int FrameCount(int sampleCount)
    {
        long padded = sampleCount + (Options.Center ? 2L * (Options.FftLength / 2) : 0);
        return padded < Options.FftLength ? 0 : (int)(1 + (padded - Options.FftLength) / Options.EffectiveHopLength);
    }

    /// <summary>Power spectrogram <c>|X|²</c>, <c>[BinCount, frames]</c>.</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">Reflect padding needs more samples than the signal has.</exception>
    public Spectrogram Power(ReadOnlySpan<float> signal) => Spectrum(signal, squared: true);

    /// <summary>Magnitude spectrogram <c>|X|</c>, <c>[BinCount, frames]</c>.</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">Reflect padding needs more samples than the signal has.</exception>
    public Spectrogram Magnitude(ReadOnlySpan<float> signal) => Spectrum(signal, squared: false);

    /// <summary>Complex spectrogram as separate real and imaginary <c>[BinCount, frames]</c> matrices
    /// (<c>torch.stft(..., return_complex=True)</c>).</summary>
    /// <param name="signal">Samples.</param>
    /// <exception cref="ArgumentException">Reflect padding needs more samples than the signal has.</exception>
    public (Spectrogram Real, Spectrogram Imaginary) Complex(ReadOnlySpan<float> signal)
    {
        double[] padded = Pad(signal);
        int frames = FrameCount(signal.Length), bins = BinCount, half = plan.BinCount;
        var re = new Spectrogram(bins, frames);
        var im = new Spectrogram(bins, frames);
        var frame = new double[Options.FftLength];
        var fr = new double[half];
        var fi = new double[half];
        for (int t = 0; t < frames; t++)
        {
            Windowed(padded, t, frame);
            plan.Forward(frame, fr, fi);
            for (int k = 0; k < bins; k++)
            {
                // Two-sided output mirrors the Hermitian half: X[n − k] = conj X[k].
                bool mirrored = k >= half;
                int src = mirrored ? Options.FftLength - k : k;
                re[k, t] = (float)fr[src];
                im[k, t] = (float)(mirrored ? -fi[src] : fi[src]);
            }
        }
        return (re, im);
    }

    /// <summary>Writes the windowed frame <paramref name="frame"/> of <paramref name="padded"/> into
    /// <paramref name="destination"/> (<c>FftLength</c> long).</summary>
    /// <param name="padded">Output of <see cref="Pad"/>.</param>
    /// <param name="frame">Frame index.</param>
    /// <param name="destination">Receives <c>FftLength</c> windowed samples.</param>
    public void Windowed(ReadOnlySpan<double> padded, int frame, Span<double> destination) =>
        TensorPrimitives.Multiply(padded.Slice(frame * Options.EffectiveHopLength, Options.FftLength), window, destination);

    /// <summary>The signal in double precision, padded by <c>n_fft / 2</c> on both sides when <see cref="StftOptions.Center"/> is set.</summary>
    /// <param name="signal">Samples.</param>
    /// <returns>The padded copy.</returns>
    /// <exception cref="ArgumentException">Reflect padding needs more samples than the signal has.</exception>
    public double[] Pad(ReadOnlySpan<float> signal)
    {
        int pad = Options.Center ? Options.FftLength / 2 : 0;
        if (pad > 0 && Options.PadMode == PaddingMode.Reflect && pad >= signal.Length)
            throw new ArgumentException($"Reflect padding of {pad} samples needs a signal longer than {pad} samples but it has {signal.Length}.", nameof(signal));
        var padded = new double[signal.Length + 2 * pad];
        for (int i = 0; i < signal.Length; i++) padded[pad + i] = signal[i];
        if (Options.PadMode == PaddingMode.Reflect)
        {
            for (int k = 1; k <= pad; k++)
            {
                padded[pad - k] = signal[k];
                padded[pad + signal.Length - 1 + k] = signal[signal.Length - 1 - k];
            }
        }
        return padded;
    }

    private Spectrogram Spectrum(ReadOnlySpan<float> signal, bool squared)
    {
        double[] padded = Pad(signal);
        int frames = FrameCount(signal.Length), half = plan.BinCount, bins = BinCount, n = Options.FftLength;
        var result = new Spectrogram(bins, frames);
        // Chunks of frames per task; each frame is computed the same way whichever thread runs it.
        const int Chunk = 64;
        Parallel.For(0, (frames + Chunk - 1) / Chunk, c =>
        {
            var pool = ArrayPool<double>.Shared;
            double[] frame = pool.Rent(n), power = pool.Rent(half);
            try
            {
                for (int t = c * Chunk; t < Math.Min(frames, (c + 1) * Chunk); t++)
                {
                    Windowed(padded, t, frame.AsSpan(0, n));
                    plan.PowerSpectrum(frame.AsSpan(0, n), power.AsSpan(0, half));
                    for (int k = 0; k < bins; k++)
                    {
                        double p = power[k < half ? k : n - k];
                        result[k, t] = (float)(squared ? p : Math.Sqrt(p));
                    }
                }
            }
            finally
            {
                pool.Return(frame);
                pool.Return(power);
            }
        });
        return result;
    }
}
