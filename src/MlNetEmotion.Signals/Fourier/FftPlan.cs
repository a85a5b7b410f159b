using System.Buffers;
using System.Numerics;

namespace MlNetEmotion.Signals.Fourier;

/// <summary>A complex discrete Fourier transform of one fixed length, with twiddle factors computed once and
/// reused by every call (the FFTW / <c>numpy.fft</c> idea of a plan).</summary>
/// <remarks>
/// <para>Conventions follow <c>numpy.fft</c>: <see cref="Forward(Span{double}, Span{double})"/> computes
/// <c>X[k] = Σ x[t]·exp(−2πi·kt/n)</c> without scaling; the inverse divides by <c>n</c>, so a forward then an
/// inverse transform returns the input.</para>
/// <para>Lengths whose prime factors are all at most 31 use a mixed-radix Stockham FFT (radix 4, 2, 3 and a
/// generic odd radix, vectorised on the contiguous index); other lengths use Bluestein's algorithm on a
/// power-of-two FFT. Both are O(n log n). A plan holds no mutable state and is safe to share between threads.</para>
/// </remarks>
public sealed class FftPlan
{
    private readonly MixedRadixKernel<double>? mixed;
    private readonly BluesteinKernel? bluestein;

    /// <summary>Creates a plan for transforms of <paramref name="length"/> points.</summary>
    /// <param name="length">Number of complex points, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The length is below 1.</exception>
    public FftPlan(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Length = length;
        if (MixedRadixKernel<double>.Factor(length) is not null)
            mixed = new MixedRadixKernel<double>(length);
        else
            bluestein = new BluesteinKernel(length);
    }

    /// <summary>Number of complex points transformed.</summary>
    public int Length { get; }

    /// <summary>Doubles of scratch the workspace overloads need (so hot loops can avoid the shared pool).</summary>
    public int WorkspaceLength => bluestein?.WorkspaceLength ?? 2 * Length;

    /// <summary>In-place forward transform of a complex signal held as separate real and imaginary parts.</summary>
    /// <param name="real">Real parts, exactly <see cref="Length"/> long; replaced by the spectrum's real parts.</param>
    /// <param name="imag">Imaginary parts, exactly <see cref="Length"/> long; replaced by the spectrum's imaginary parts.</param>
    /// <exception cref="ArgumentException">A span's length differs from <see cref="Length"/>.</exception>
    public void Forward(Span<double> real, Span<double> imag)
    {
        double[] workspace = ArrayPool<double>.Shared.Rent(WorkspaceLength);
        try
        {
            Forward(real, imag, workspace);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(workspace);
        }
    }

    /// <summary>In-place forward transform using caller-provided scratch.</summary>
    /// <param name="real">Real parts, exactly <see cref="Length"/> long.</param>
    /// <param name="imag">Imaginary parts, exactly <see cref="Length"/> long.</param>
    /// <param name="workspace">Scratch of at least <see cref="WorkspaceLength"/> doubles; its contents are overwritten.</param>
    /// <exception cref="ArgumentException">A span is too short or has the wrong length.</exception>
    public void Forward(Span<double> real, Span<double> imag, Span<double> workspace)
    {
        CheckLength(real.Length, nameof(real));
        CheckLength(imag.Length, nameof(imag));
        if (workspace.Length < WorkspaceLength)
            throw new ArgumentException($"The workspace needs {WorkspaceLength} doubles but has {workspace.Length}.", nameof(workspace));
        if (bluestein is not null)
            bluestein.Forward(real, imag, workspace);
        else
            mixed!.Forward(real, imag, workspace[..Length], workspace.Slice(Length, Length));
    }

    /// <summary>In-place inverse transform, scaled by <c>1/n</c>, of separate real and imaginary parts.</summary>
    /// <param name="real">Real parts, exactly <see cref="Length"/> long.</param>
    /// <param name="imag">Imaginary parts, exactly <see cref="Length"/> long.</param>
    /// <exception cref="ArgumentException">A span's length differs from <see cref="Length"/>.</exception>
    public void Inverse(Span<double> real, Span<double> imag)
    {
        CheckLength(imag.Length, nameof(imag));
        // ifft(x) = conj(fft(conj(x))) / n
        Negate(imag);
        Forward(real, imag);
        double scale = 1.0 / Length;
        System.Numerics.Tensors.TensorPrimitives.Multiply(real, scale, real);
        System.Numerics.Tensors.TensorPrimitives.Multiply(imag, -scale, imag);
    }

    /// <summary>In-place forward transform of interleaved complex values.</summary>
    /// <param name="data">Exactly <see cref="Length"/> values; replaced by their spectrum.</param>
    public void Forward(Span<Complex> data) => Interleaved(data, inverse: false);

    /// <summary>In-place inverse transform, scaled by <c>1/n</c>, of interleaved complex values.</summary>
    /// <param name="data">Exactly <see cref="Length"/> values; replaced by the inverse transform.</param>
    public void Inverse(Span<Complex> data) => Interleaved(data, inverse: true);

    private void Interleaved(Span<Complex> data, bool inverse)
    {
        CheckLength(data.Length, nameof(data));
        var pool = ArrayPool<double>.Shared;
        double[] re = pool.Rent(Length), im = pool.Rent(Length);
        try
        {
            Span<double> r = re.AsSpan(0, Length), i = im.AsSpan(0, Length);
            for (int k = 0; k < Length; k++)
            {
                r[k] = data[k].Real;
                i[k] = data[k].Imaginary;
            }
            if (inverse) Inverse(r, i); else Forward(r, i);
            for (int k = 0; k < Length; k++) data[k] = new Complex(r[k], i[k]);
        }
        finally
        {
            pool.Return(re);
            pool.Return(im);
        }
    }

    private static void Negate(Span<double> values) => System.Numerics.Tensors.TensorPrimitives.Negate(values, values);

    private void CheckLength(int actual, string name)
    {
        if (actual != Length)
            throw new ArgumentException($"Expected {Length} values for this FFT plan but got {actual}.", name);
    }
}
