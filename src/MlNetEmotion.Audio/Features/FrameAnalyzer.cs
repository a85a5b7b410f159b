using System.Numerics.Tensors;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Per-frame work after the spectrum: reads <paramref name="spectrum"/> (power or magnitude, one-sided),
/// may use <paramref name="scratch"/>, writes one output row.</summary>
internal delegate void FrameStage(ReadOnlySpan<float> spectrum, Span<float> scratch, Span<float> output);

/// <summary>The shared front end of every spectral feature: framing (<see cref="FramingMode"/>), optional DC
/// removal and Kaldi pre-emphasis, windowing, zero padding to <c>n_fft</c> and an FFT power spectrum, then a
/// per-frame stage. Like torchaudio it works in float32: frames go eight at a time through one interleaved,
/// vectorised float32 FFT (lengths without that path use the double-precision plan frame by frame). Frames are split into fixed chunks across threads; each frame's arithmetic is independent of
/// the thread count, so results are bit-identical.</summary>
internal sealed class FrameAnalyzer
{
    private readonly SpectrogramOptions options;
    private readonly RealFftPlan plan;
    private readonly float[] window;
    private readonly int fft, win, hop;

    public FrameAnalyzer(SpectrogramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        fft = options.FftLength;
        win = options.EffectiveWindowLength;
        hop = options.EffectiveHopLength;
        if (fft < 2) throw new ArgumentException($"FftLength must be at least 2 but was {fft}.", nameof(options));
        if (win < 1 || win > fft) throw new ArgumentException($"WindowLength must be in [1, FftLength={fft}] but was {win}.", nameof(options));
        if (hop < 1) throw new ArgumentException($"HopLength must be at least 1 but was {hop}.", nameof(options));
        if (options.SampleRate < 1) throw new ArgumentException($"SampleRate must be positive but was {options.SampleRate}.", nameof(options));
        if (options.Power <= 0) throw new ArgumentException($"Power must be positive but was {options.Power}.", nameof(options));
        this.options = options;
        plan = new RealFftPlan(fft);
        window = Array.ConvertAll(Windows.Create(options.Window, win, options.PeriodicWindow), w => (float)w);
    }

    /// <summary>One-sided bins per frame.</summary>
    public int BinCount => plan.BinCount;

    /// <summary>Frames produced for <paramref name="sampleCount"/> samples.</summary>
    public int FrameCount(int sampleCount)
    {
        long span = options.Framing switch
        {
            FramingMode.Centered => sampleCount + 2L * (fft / 2) - fft,
            FramingMode.Uncentered => sampleCount - (long)fft,
            _ => sampleCount - (long)win,
        };
        return span < 0 ? 0 : (int)(1 + span / hop);
    }

    /// <summary>Runs the front end and <paramref name="stage"/> on every frame.</summary>
    /// <returns>Stage outputs, <c>[frames, rows]</c> row-major, in an array rented from
    /// <see cref="System.Buffers.ArrayPool{T}.Shared"/> (possibly longer); the caller returns it. Pooling the large
    /// per-call buffers keeps repeated calls from triggering full garbage collections.</returns>
    /// <exception cref="ArgumentException">The signal is shorter than one frame or than reflect padding needs.</exception>
    public float[] Run(ReadOnlySpan<float> signal, int rows, int scratchLength, FrameStage stage, out int frames)
    {
        frames = FrameCount(signal.Length);
        if (frames == 0)
            throw new ArgumentException($"{signal.Length} samples is shorter than one analysis frame ({(options.Framing == FramingMode.KaldiSnipEdges ? win : fft)} samples).", nameof(signal));
        float[] padded = Pad(signal);
        int offset = options.Framing == FramingMode.KaldiSnipEdges ? 0 : (fft - win) / 2;
        var output = System.Buffers.ArrayPool<float>.Shared.Rent(checked(frames * rows));
        int frameCount = frames;
        const int Chunk = 32;
        int bins = plan.BinCount, batch = plan.HasSingleBatch ? RealFftPlan.SingleBatchSize : 1;
        ChunkRunner.Run((frames + Chunk - 1) / Chunk, options.Threads, c =>
        {
            // Chunks start at multiples of 32 frames, so batches of frames are the same whatever the thread count;
            // a short last batch is zero-filled (lanes are independent, so this changes no frame's result).
            var batchFrames = new float[batch * fft];
            var batchPower = new float[batch * bins];
            var scratch = new float[scratchLength];
            var workspace = new float[plan.HasSingleBatch ? plan.SingleBatchWorkspaceLength : 0];
            var single = plan.HasSingleBatch ? null : new double[fft + bins + plan.WorkspaceLength];
            int end = Math.Min(frameCount, (c + 1) * Chunk);
            for (int t0 = c * Chunk; t0 < end; t0 += batch)
            {
                int count = Math.Min(batch, end - t0);
                for (int i = 0; i < count; i++) Prepare(padded.AsSpan((t0 + i) * hop + offset, win), batchFrames.AsSpan(i * fft, fft));
                if (single is null)
                {
                    batchFrames.AsSpan(count * fft).Clear();
                    plan.PowerSpectra(batchFrames, batchPower, workspace);
                }
                else
                {
                    var x = single.AsSpan(0, fft);
                    var p = single.AsSpan(fft, bins);
                    TensorPrimitives.ConvertChecked<float, double>(batchFrames.AsSpan(0, fft), x);
                    plan.PowerSpectrum(x, p, single.AsSpan(fft + bins));
                    TensorPrimitives.ConvertTruncating<double, float>(p, batchPower.AsSpan(0, bins));
                }
                for (int i = 0; i < count; i++)
                {
                    var spectrum = batchPower.AsSpan(i * bins, bins);
                    if (options.Power == 1.0)
                        TensorPrimitives.Sqrt(spectrum, spectrum);
                    else if (options.Power != 2.0)
                        TensorPrimitives.Pow(spectrum, (float)(options.Power / 2), spectrum);
                    stage(spectrum, scratch, output.AsSpan((t0 + i) * rows, rows));
                }
            }
        });
        System.Buffers.ArrayPool<float>.Shared.Return(padded);
        return output;
    }

    /// <summary>Transposes <c>[frames, rows]</c> stage output into a <c>[rows, frames]</c> spectrogram.</summary>
    public static Spectrogram Transpose(float[] byFrame, int frames, int rows)
    {
        var result = new Spectrogram(rows, frames);
        for (int t = 0; t < frames; t++)
            for (int r = 0; r < rows; r++)
                result.Data[(long)r * frames + t] = byFrame[(long)t * rows + r];
        return result;
    }

    private void Prepare(ReadOnlySpan<float> segment, Span<float> frame)
    {
        var head = frame[..win];
        segment.CopyTo(head);
        if (options.RemoveDcOffset)
        {
            float mean = TensorPrimitives.Sum<float>(head) / win;
            TensorPrimitives.Subtract(head, mean, head);
        }
        if (options.PreEmphasis != 0)
        {
            float c = (float)options.PreEmphasis;
            for (int i = win - 1; i > 0; i--) head[i] -= c * head[i - 1];
            head[0] -= c * head[0];
        }
        TensorPrimitives.Multiply(head, window, head);
        frame[win..].Clear();
    }

    private float[] Pad(ReadOnlySpan<float> signal)
    {
        int pad = options.Framing == FramingMode.Centered ? fft / 2 : 0;
        if (pad > 0 && options.PadMode == PaddingMode.Reflect && pad >= signal.Length)
            throw new ArgumentException($"Reflect padding of {pad} samples needs more than {pad} samples but the signal has {signal.Length}.", nameof(signal));
        int length = signal.Length + 2 * pad;
        var padded = System.Buffers.ArrayPool<float>.Shared.Rent(length);
        padded.AsSpan(0, pad).Clear();
        padded.AsSpan(pad + signal.Length, pad).Clear();
        signal.CopyTo(padded.AsSpan(pad));
        if (pad > 0 && options.PadMode == PaddingMode.Reflect)
        {
            for (int k = 1; k <= pad; k++)
            {
                padded[pad - k] = signal[k];
                padded[pad + signal.Length - 1 + k] = signal[signal.Length - 1 - k];
            }
        }
        return padded;
    }
}
