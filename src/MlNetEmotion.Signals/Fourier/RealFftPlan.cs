using System.Buffers;
using System.Numerics;

namespace MlNetEmotion.Signals.Fourier;

/// <summary>A discrete Fourier transform of real signals of one fixed length, returning the one-sided spectrum of
/// <c>n/2 + 1</c> bins like <c>numpy.fft.rfft</c>; the inverse matches <c>numpy.fft.irfft</c>.</summary>
/// <remarks>An even length <c>n</c> packs the samples into <c>n/2</c> complex points (even samples real, odd
/// samples imaginary), runs one complex FFT of half the length and untangles the two spectra with precomputed
/// twiddles; an odd length uses a full-length complex transform. Immutable and safe to share between threads.</remarks>
public sealed class RealFftPlan
{
    private readonly FftPlan complex;
    private readonly double[] twRe = [], twIm = [];   // exp(-2πi k / n), k in [0, n/2], even n only
    private readonly bool even;
    private readonly MixedRadixKernel<double>? batched; // Vector<double>.Count interleaved half-length transforms (even, small-prime lengths)
    private readonly MixedRadixKernel<float>? batchedSingle; // Vector<float>.Count interleaved, float32
    private readonly float[] twReSingle = [], twImSingle = [];

    /// <summary>Creates a plan for real signals of <paramref name="length"/> samples.</summary>
    /// <param name="length">Number of real samples, at least 1.</param>
    public RealFftPlan(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Length = length;
        even = length % 2 == 0;
        if (even)
        {
            int half = length / 2;
            complex = new FftPlan(half);
            if (MixedRadixKernel<double>.Factor(half) is not null)
            {
                batched = new MixedRadixKernel<double>(half, BatchSize);
                batchedSingle = new MixedRadixKernel<float>(half, SingleBatchSize);
            }
            twRe = new double[half + 1];
            twIm = new double[half + 1];
            for (int k = 0; k <= half; k++)
            {
                twRe[k] = Math.Cos(-2.0 * Math.PI * k / length);
                twIm[k] = Math.Sin(-2.0 * Math.PI * k / length);
            }
            twReSingle = Array.ConvertAll(twRe, v => (float)v);
            twImSingle = Array.ConvertAll(twIm, v => (float)v);
        }
        else
        {
            complex = new FftPlan(length);
        }
    }

    /// <summary>Number of real samples per transform.</summary>
    public int Length { get; }

    /// <summary>Frames transformed together by <see cref="PowerSpectra(ReadOnlySpan{double}, Span{double}, Span{double})"/> (the SIMD width in doubles).</summary>
    public static int BatchSize => System.Numerics.Vector<double>.Count;

    /// <summary>Doubles of scratch <see cref="PowerSpectra(ReadOnlySpan{double}, Span{double}, Span{double})"/> needs.</summary>
    public int BatchWorkspaceLength => Math.Max(4 * (Length / 2) * BatchSize, WorkspaceLength);

    /// <summary>Power spectra of <see cref="BatchSize"/> frames at once: <paramref name="frames"/> holds them one after
    /// another (<c>BatchSize · Length</c> samples) and <paramref name="power"/> receives <c>BatchSize · BinCount</c>
    /// values in the same order. Even lengths with small prime factors run all frames through one interleaved,
    /// fully vectorised FFT; other lengths transform the frames one by one. Each frame's result is identical to
    /// what a lone transform of it by this path gives, whichever other frames share the batch.</summary>
    /// <param name="frames">The frames, frame-major.</param>
    /// <param name="power">Receives the spectra, frame-major.</param>
    /// <param name="workspace">Scratch of at least <see cref="BatchWorkspaceLength"/> doubles.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void PowerSpectra(ReadOnlySpan<double> frames, Span<double> power, Span<double> workspace)
    {
        int b = BatchSize, bins = BinCount;
        Check(frames.Length, b * Length, nameof(frames));
        Check(power.Length, b * bins, nameof(power));
        if (workspace.Length < BatchWorkspaceLength)
            throw new ArgumentException($"The workspace needs {BatchWorkspaceLength} doubles but has {workspace.Length}.", nameof(workspace));
        if (batched is null)
        {
            for (int f = 0; f < b; f++) PowerSpectrum(frames.Slice(f * Length, Length), power.Slice(f * bins, bins), workspace);
            return;
        }
        BatchedPower(batched, twRe, twIm, frames, power, workspace, Length, bins);
    }

    /// <summary>Frames transformed together by the float32 <see cref="PowerSpectra(ReadOnlySpan{float}, Span{float}, Span{float})"/>.</summary>
    public static int SingleBatchSize => System.Numerics.Vector<float>.Count;

    /// <summary>Floats of scratch the float32 batch needs.</summary>
    public int SingleBatchWorkspaceLength => 4 * (Length / 2) * SingleBatchSize;

    /// <summary>True when the float32 batch is available (even lengths whose half has small prime factors).</summary>
    public bool HasSingleBatch => batchedSingle is not null;

    /// <summary>Float32 power spectra of <see cref="SingleBatchSize"/> frames at once (pocketfft-like precision,
    /// twice the SIMD lanes of the double path), frame-major like
    /// <see cref="PowerSpectra(ReadOnlySpan{double}, Span{double}, Span{double})"/>. Needs <see cref="HasSingleBatch"/>.</summary>
    /// <param name="frames"><c>SingleBatchSize · Length</c> samples.</param>
    /// <param name="power">Receives <c>SingleBatchSize · BinCount</c> values.</param>
    /// <param name="workspace">Scratch of at least <see cref="SingleBatchWorkspaceLength"/> floats.</param>
    /// <exception cref="InvalidOperationException">The length has no float32 batch.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void PowerSpectra(ReadOnlySpan<float> frames, Span<float> power, Span<float> workspace)
    {
        int b = SingleBatchSize, bins = BinCount;
        Check(frames.Length, b * Length, nameof(frames));
        Check(power.Length, b * bins, nameof(power));
        var interleaved = ArrayPool<float>.Shared.Rent(b * bins);
        try
        {
            WindowedPowerSpectra(frames, 0, Length, b, [], interleaved.AsSpan(0, b * bins), workspace);
            for (int f = 0; f < b; f++)
                for (int k = 0; k < bins; k++) power[f * bins + k] = interleaved[k * b + f];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(interleaved);
        }
    }

    /// <summary>Float32 power spectra of up to <see cref="SingleBatchSize"/> windowed frames read straight from a
    /// signal, in one interleaved vectorised FFT: frame <c>f</c> is <c>samples[start + f·stride + i] · window[i]</c>
    /// for <c>i</c> below the window length and zero from there to <see cref="Length"/>. The result is interleaved
    /// by frame, <c>power[k · SingleBatchSize + f]</c> for bin <c>k</c>, so callers can keep working on all frames
    /// of the batch with one vector per bin. Lanes at or above <paramref name="count"/> hold copies of the last
    /// frame; each lane's result is independent of the other lanes. Needs <see cref="HasSingleBatch"/>.</summary>
    /// <param name="samples">The signal the frames are read from.</param>
    /// <param name="start">Index of the first frame's first sample.</param>
    /// <param name="stride">Samples between the starts of consecutive frames.</param>
    /// <param name="count">Frames in the batch, in [1, <see cref="SingleBatchSize"/>].</param>
    /// <param name="window">Window of at most <see cref="Length"/> values; empty means a rectangular window of
    /// <see cref="Length"/> samples.</param>
    /// <param name="power">Receives <c>BinCount · SingleBatchSize</c> values, interleaved by frame.</param>
    /// <param name="workspace">Scratch of at least <see cref="SingleBatchWorkspaceLength"/> floats.</param>
    /// <exception cref="InvalidOperationException">The length has no float32 batch.</exception>
    /// <exception cref="ArgumentException">A span is too short or a frame runs past the end of the samples.</exception>
    public void WindowedPowerSpectra(ReadOnlySpan<float> samples, int start, int stride, int count, ReadOnlySpan<float> window, Span<float> power, Span<float> workspace)
    {
        if (batchedSingle is null) throw new InvalidOperationException($"Length {Length} has no float32 batched transform (needs an even length with small prime factors).");
        int b = SingleBatchSize, n = Length / 2, size = n * b;
        int used = window.IsEmpty ? Length : window.Length;
        if (count < 1 || count > b) throw new ArgumentOutOfRangeException(nameof(count), count, $"The batch holds 1 to {b} frames.");
        if (used > Length) throw new ArgumentException($"The window has {window.Length} values but the transform length is {Length}.", nameof(window));
        if (start < 0 || stride < 0 || start + (long)(count - 1) * stride + used > samples.Length)
            throw new ArgumentException($"Frames of {used} samples from {start} every {stride} samples need {start + (long)(count - 1) * stride + used} samples but there are {samples.Length}.", nameof(samples));
        Check(power.Length, b * BinCount, nameof(power));
        if (workspace.Length < SingleBatchWorkspaceLength)
            throw new ArgumentException($"The workspace needs {SingleBatchWorkspaceLength} floats but has {workspace.Length}.", nameof(workspace));
        Span<float> zr = workspace[..size], zi = workspace.Slice(size, size);
        FramePacking.Pack(samples, start, stride, count, window, used, zr, zi);
        batchedSingle.Forward(zr, zi, workspace.Slice(2 * size, size), workspace.Slice(3 * size, size));
        Untangle(zr, zi, twReSingle, twImSingle, n, power);
    }

    /// <summary>Packs the frames' even/odd samples into interleaved half-length complex transforms, runs them, and
    /// untangles each frame's one-sided power spectrum (frame-major).</summary>
    private static void BatchedPower(MixedRadixKernel<double> kernel, double[] wRe, double[] wIm, ReadOnlySpan<double> frames, Span<double> power, Span<double> workspace, int length, int bins)
    {
        int b = kernel.Batch, n = length / 2, size = n * b;
        Span<double> zr = workspace[..size], zi = workspace.Slice(size, size);
        for (int f = 0; f < b; f++)
        {
            var x = frames.Slice(f * length, length);
            for (int t = 0; t < n; t++)
            {
                zr[t * b + f] = x[2 * t];
                zi[t * b + f] = x[2 * t + 1];
            }
        }
        kernel.Forward(zr, zi, workspace.Slice(2 * size, size), workspace.Slice(3 * size, size));
        var interleaved = workspace.Slice(2 * size, b * bins); // the kernel's scratch is free again
        Untangle(zr, zi, wRe, wIm, n, interleaved);
        for (int f = 0; f < b; f++)
            for (int k = 0; k < bins; k++) power[f * bins + k] = interleaved[k * b + f];
    }

    /// <summary>One-sided power spectra from the half-length transforms <c>Z</c> of <see cref="Vector{T}.Count"/>
    /// interleaved frames: <c>X[k] = E[k] + w^k O[k]</c> with <c>E = (Z[k] + conj Z[n−k]) / 2</c> and
    /// <c>O = (Z[k] − conj Z[n−k]) / 2i</c>; one vector (all frames) per bin, into <c>power[k · lanes + f]</c>.</summary>
    private static void Untangle<T>(ReadOnlySpan<T> zr, ReadOnlySpan<T> zi, T[] wRe, T[] wIm, int n, Span<T> power)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = Vector<T>.Count;
        var half = new Vector<T>(T.CreateTruncating(0.5));
        for (int k = 0; k <= n; k++)
        {
            int a = k == n ? 0 : k, c = k == 0 ? 0 : n - k;
            var wr = new Vector<T>(wRe[k]);
            var wi = new Vector<T>(wIm[k]);
            var ar = new Vector<T>(zr.Slice(a * b, b)); var ai = new Vector<T>(zi.Slice(a * b, b));
            var br = new Vector<T>(zr.Slice(c * b, b)); var bi = -new Vector<T>(zi.Slice(c * b, b));
            var er = half * (ar + br); var ei = half * (ai + bi);
            var or = half * (ai - bi); var oi = -(half * (ar - br));
            var re = er + or * wr - oi * wi; var im = ei + or * wi + oi * wr;
            (re * re + im * im).CopyTo(power.Slice(k * b, b));
        }
    }

    /// <summary>Number of one-sided spectrum bins, <c>Length / 2 + 1</c>.</summary>
    public int BinCount => Length / 2 + 1;

    /// <summary>Doubles of scratch the workspace overloads need (so hot loops can avoid the shared pool).</summary>
    public int WorkspaceLength => ForwardWorkspaceLength + BinCount;

    private int ForwardWorkspaceLength => 2 * complex.Length + complex.WorkspaceLength;

    /// <summary>Forward transform of real samples into the one-sided spectrum (unscaled).</summary>
    /// <param name="input">Exactly <see cref="Length"/> samples.</param>
    /// <param name="real">Receives the <see cref="BinCount"/> real parts.</param>
    /// <param name="imag">Receives the <see cref="BinCount"/> imaginary parts.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Forward(ReadOnlySpan<double> input, Span<double> real, Span<double> imag)
    {
        double[] workspace = ArrayPool<double>.Shared.Rent(WorkspaceLength);
        try
        {
            Forward(input, real, imag, workspace);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(workspace);
        }
    }

    /// <summary>Forward transform using caller-provided scratch.</summary>
    /// <param name="input">Exactly <see cref="Length"/> samples.</param>
    /// <param name="real">Receives the <see cref="BinCount"/> real parts.</param>
    /// <param name="imag">Receives the <see cref="BinCount"/> imaginary parts.</param>
    /// <param name="workspace">Scratch of at least <see cref="WorkspaceLength"/> doubles; its contents are overwritten.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Forward(ReadOnlySpan<double> input, Span<double> real, Span<double> imag, Span<double> workspace)
    {
        Check(input.Length, Length, nameof(input));
        Check(real.Length, BinCount, nameof(real));
        Check(imag.Length, BinCount, nameof(imag));
        if (workspace.Length < ForwardWorkspaceLength)
            throw new ArgumentException($"The workspace needs {WorkspaceLength} doubles but has {workspace.Length}.", nameof(workspace));
        int n = complex.Length;
        {
            Span<double> zr = workspace[..n], zi = workspace.Slice(n, n), inner = workspace.Slice(2 * n, complex.WorkspaceLength);
            if (!even)
            {
                input.CopyTo(zr);
                zi.Clear();
                complex.Forward(zr, zi, inner);
                zr[..BinCount].CopyTo(real);
                zi[..BinCount].CopyTo(imag);
                return;
            }
            for (int t = 0; t < n; t++)
            {
                zr[t] = input[2 * t];
                zi[t] = input[2 * t + 1];
            }
            complex.Forward(zr, zi, inner);
            // X[k] = E[k] + w^k O[k] with E = (Z[k] + conj Z[n-k]) / 2 and O = (Z[k] - conj Z[n-k]) / 2i.
            for (int k = 0; k <= n; k++)
            {
                int a = k == n ? 0 : k, b = k == 0 ? 0 : n - k;
                double ar = zr[a], ai = zi[a], br = zr[b], bi = -zi[b];
                double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
                double dr = 0.5 * (ar - br), di = 0.5 * (ai - bi);
                double or = di, oi = -dr; // (d) / i
                real[k] = er + or * twRe[k] - oi * twIm[k];
                imag[k] = ei + or * twIm[k] + oi * twRe[k];
            }
        }
    }

    /// <summary>Forward transform into interleaved complex bins.</summary>
    /// <param name="input">Exactly <see cref="Length"/> samples.</param>
    /// <param name="output">Receives <see cref="BinCount"/> complex bins.</param>
    public void Forward(ReadOnlySpan<double> input, Span<Complex> output)
    {
        Check(output.Length, BinCount, nameof(output));
        var pool = ArrayPool<double>.Shared;
        double[] re = pool.Rent(BinCount), im = pool.Rent(BinCount);
        try
        {
            Forward(input, re.AsSpan(0, BinCount), im.AsSpan(0, BinCount));
            for (int k = 0; k < BinCount; k++) output[k] = new Complex(re[k], im[k]);
        }
        finally
        {
            pool.Return(re);
            pool.Return(im);
        }
    }

    /// <summary>Power spectrum <c>|X[k]|²</c> of real samples (unscaled), the quantity spectrogram and PSD
    /// estimators need.</summary>
    /// <param name="input">Exactly <see cref="Length"/> samples.</param>
    /// <param name="power">Receives <see cref="BinCount"/> values.</param>
    public void PowerSpectrum(ReadOnlySpan<double> input, Span<double> power)
    {
        double[] workspace = ArrayPool<double>.Shared.Rent(WorkspaceLength);
        try
        {
            PowerSpectrum(input, power, workspace);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(workspace);
        }
    }

    /// <summary>Power spectrum using caller-provided scratch.</summary>
    /// <param name="input">Exactly <see cref="Length"/> samples.</param>
    /// <param name="power">Receives <see cref="BinCount"/> values.</param>
    /// <param name="workspace">Scratch of at least <see cref="WorkspaceLength"/> doubles; its contents are overwritten.</param>
    public void PowerSpectrum(ReadOnlySpan<double> input, Span<double> power, Span<double> workspace)
    {
        Check(power.Length, BinCount, nameof(power));
        if (workspace.Length < WorkspaceLength)
            throw new ArgumentException($"The workspace needs {WorkspaceLength} doubles but has {workspace.Length}.", nameof(workspace));
        var i = workspace[^BinCount..];
        Forward(input, power, i, workspace[..^BinCount]);
        System.Numerics.Tensors.TensorPrimitives.Multiply(power, power, power);
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(i, i, power, power);
    }

    /// <summary>Inverse of <see cref="Forward(ReadOnlySpan{double}, Span{double}, Span{double})"/>, scaled by
    /// <c>1/n</c> like <c>numpy.fft.irfft</c>: the imaginary parts of bin 0 (and of the Nyquist bin for even
    /// lengths) are ignored.</summary>
    /// <param name="real">The <see cref="BinCount"/> real parts.</param>
    /// <param name="imag">The <see cref="BinCount"/> imaginary parts.</param>
    /// <param name="output">Receives <see cref="Length"/> samples.</param>
    public void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imag, Span<double> output)
    {
        Check(real.Length, BinCount, nameof(real));
        Check(imag.Length, BinCount, nameof(imag));
        Check(output.Length, Length, nameof(output));
        var pool = ArrayPool<double>.Shared;
        int n = complex.Length;
        double[] zrA = pool.Rent(n), ziA = pool.Rent(n);
        try
        {
            Span<double> zr = zrA.AsSpan(0, n), zi = ziA.AsSpan(0, n);
            if (!even)
            {
                // Rebuild the Hermitian full spectrum, then a complex inverse.
                zr[0] = real[0]; zi[0] = 0;
                for (int k = 1; k < BinCount; k++)
                {
                    zr[k] = real[k]; zi[k] = imag[k];
                    zr[n - k] = real[k]; zi[n - k] = -imag[k];
                }
                complex.Inverse(zr, zi);
                zr.CopyTo(output);
                return;
            }
            // E[k] = (X[k] + conj X[n-k]) / 2, O[k] = (X[k] - conj X[n-k]) / (2 w^k), Z = E + iO.
            for (int k = 0; k < n; k++)
            {
                double ar = real[k], ai = k == 0 ? 0 : imag[k];
                double br = real[n - k], bi = n - k == n ? 0 : -imag[n - k];
                double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
                double dr = 0.5 * (ar - br), di = 0.5 * (ai - bi);
                // divide by w^k: multiply by conj(w^k)
                double or = dr * twRe[k] + di * twIm[k], oi = di * twRe[k] - dr * twIm[k];
                zr[k] = er - oi;
                zi[k] = ei + or;
            }
            complex.Inverse(zr, zi);
            for (int t = 0; t < n; t++)
            {
                output[2 * t] = zr[t];
                output[2 * t + 1] = zi[t];
            }
        }
        finally
        {
            pool.Return(zrA);
            pool.Return(ziA);
        }
    }

    private static void Check(int actual, int expected, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"Expected {expected} values but got {actual}.", name);
    }
}
