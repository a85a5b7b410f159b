using System.Numerics.Tensors;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Work after the spectrum on one batch of frames: <paramref name="power"/> holds the one-sided power
/// (or magnitude) spectra of <see cref="FrameAnalyzer.Lanes"/> frames interleaved by frame (<c>power[k · Lanes + f]</c>),
/// of which the first <paramref name="count"/> are frames <paramref name="first"/>, <paramref name="first"/> + 1, …;
/// <paramref name="scratch"/> is the stage's per-thread scratch.</summary>
internal delegate void BatchStage(ReadOnlySpan<float> power, Span<float> scratch, int first, int count);

/// <summary>The shared front end of every spectral feature: framing (<see cref="FramingMode"/>), optional DC
/// removal and Kaldi pre-emphasis, windowing, zero padding to <c>n_fft</c> and an FFT power spectrum, then a
/// stage per batch of frames. Like torchaudio it works in float32: frames go <see cref="Lanes"/> at a time, read
/// straight from the padded signal, through one interleaved, vectorised float32 FFT, and stay interleaved (one
/// vector per bin) for the stage (lengths without that path use the double-precision plan frame by frame). Frames
/// are split into chunks across threads; each frame's arithmetic is independent of the other frames in its batch
/// and of the thread count, so results are bit-identical.</summary>
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

    /// <summary>Frames per batch handed to a <see cref="BatchStage"/> (the float SIMD width).</summary>
    public static int Lanes => RealFftPlan.SingleBatchSize;

    /// <summary>Frames for <paramref name="signal"/>, at least one.</summary>
    /// <exception cref="ArgumentException">The signal is shorter than one frame.</exception>
    public int CheckedFrameCount(ReadOnlySpan<float> signal)
    {
        int frames = FrameCount(signal.Length);
        if (frames == 0)
            throw new ArgumentException($"{signal.Length} samples is shorter than one analysis frame ({(options.Framing == FramingMode.KaldiSnipEdges ? win : fft)} samples).", nameof(signal));
        return frames;
    }

    /// <summary>Runs the front end and <paramref name="stage"/> on every batch of <see cref="Lanes"/> frames (the
    /// last batch may be short). Batches start at multiples of <see cref="Lanes"/>; the thread count only decides
    /// which thread runs which batches.</summary>
    /// <param name="signal">Samples.</param>
    /// <param name="frames">The signal's <see cref="CheckedFrameCount"/>.</param>
    /// <param name="scratchLength">Floats of per-thread scratch the stage needs.</param>
    /// <param name="stage">The per-batch stage; it may run on several threads at once, on disjoint frames.</param>
    /// <exception cref="ArgumentException">The signal is shorter than reflect padding needs.</exception>
    public void Run(ReadOnlySpan<float> signal, int frames, int scratchLength, BatchStage stage)
    {
        float[] padded = Pad(signal);
        int offset = options.Framing == FramingMode.KaldiSnipEdges ? 0 : (fft - win) / 2;
        int lanes = Lanes, bins = plan.BinCount, batches = (frames + lanes - 1) / lanes;
        bool prepare = options.RemoveDcOffset || options.PreEmphasis != 0 || !plan.HasSingleBatch;
        var pool = System.Buffers.ArrayPool<float>.Shared;
        ChunkRunner.Run(batches, options.Threads, (firstBatch, endBatch) =>
        {
            // Per-thread buffers, rented once per run of batches (no allocation per frame or batch).
            var power = pool.Rent(lanes * bins);
            var scratch = pool.Rent(Math.Max(1, scratchLength));
            var workspace = pool.Rent(plan.HasSingleBatch ? plan.SingleBatchWorkspaceLength : win);
            var frameBuffer = prepare ? pool.Rent(lanes * win) : [];
            try
            {
                for (int batch = firstBatch; batch < endBatch; batch++)
                {
                    int t0 = batch * lanes, count = Math.Min(lanes, frames - t0);
                    var powerSpan = power.AsSpan(0, lanes * bins);
                    if (!prepare)
                    {
                        plan.WindowedPowerSpectra(padded, t0 * hop + offset, hop, count, window, powerSpan, workspace);
                    }
                    else
                    {
                        for (int i = 0; i < count; i++) Prepare(padded.AsSpan((t0 + i) * hop + offset, win), frameBuffer.AsSpan(i * win, win));
                        if (plan.HasSingleBatch)
                            plan.WindowedPowerSpectra(frameBuffer, 0, win, count, window, powerSpan, workspace);
                        else
                            SpectraOneByOne(frameBuffer, count, powerSpan, workspace);
                    }
                    if (options.Power == 1.0)
                        TensorPrimitives.Sqrt(powerSpan, powerSpan);
                    else if (options.Power != 2.0)
                        TensorPrimitives.Pow(powerSpan, (float)(options.Power / 2), powerSpan);
                    stage(powerSpan, scratch.AsSpan(0, scratchLength), t0, count);
                }
            }
            finally
            {
                pool.Return(power);
                pool.Return(scratch);
                pool.Return(workspace);
                if (prepare) pool.Return(frameBuffer);
            }
        });
        pool.Return(padded);
    }

    /// <summary>Double-precision power spectra of prepared frames one at a time (lengths without a float32 batch),
    /// written interleaved like the batched path.</summary>
    private void SpectraOneByOne(float[] frameBuffer, int count, Span<float> power, float[] workspace)
    {
        int lanes = Lanes, bins = plan.BinCount;
        var scratch = System.Buffers.ArrayPool<double>.Shared.Rent(fft + bins + plan.WorkspaceLength);
        try
        {
            var x = scratch.AsSpan(0, fft);
            var p = scratch.AsSpan(fft, bins);
            for (int i = 0; i < count; i++)
            {
                TensorPrimitives.Multiply(frameBuffer.AsSpan(i * win, win), window, workspace.AsSpan(0, win));
                TensorPrimitives.ConvertChecked<float, double>(workspace.AsSpan(0, win), x);
                x[win..].Clear();
                plan.PowerSpectrum(x, p, scratch.AsSpan(fft + bins));
                for (int k = 0; k < bins; k++) power[k * lanes + i] = (float)p[k];
            }
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>Copies the first <paramref name="count"/> lanes of each of <paramref name="rows"/> interleaved rows
    /// into a <c>[rows, frames]</c> matrix at frame <paramref name="first"/>.</summary>
    public static void Scatter(ReadOnlySpan<float> interleaved, int rows, float[] output, int frames, int first, int count)
    {
        int lanes = Lanes;
        for (int r = 0; r < rows; r++)
            interleaved.Slice(r * lanes, count).CopyTo(output.AsSpan(r * frames + first, count));
    }

    private void Prepare(ReadOnlySpan<float> segment, Span<float> frame)
    {
        segment.CopyTo(frame);
        if (options.RemoveDcOffset)
        {
            float mean = TensorPrimitives.Sum<float>(frame) / win;
            TensorPrimitives.Subtract(frame, mean, frame);
        }
        if (options.PreEmphasis != 0)
        {
            float c = (float)options.PreEmphasis;
            for (int i = win - 1; i > 0; i--) frame[i] -= c * frame[i - 1];
            frame[0] -= c * frame[0];
        }
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
