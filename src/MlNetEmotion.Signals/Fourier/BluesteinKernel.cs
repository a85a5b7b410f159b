namespace MlNetEmotion.Signals.Fourier;

/// <summary>Forward complex DFT of any length <c>n</c> by Bluestein's chirp-z algorithm: the DFT is written as a
/// convolution with the chirp <c>exp(πi k² / n)</c>, evaluated with power-of-two FFTs of length <c>m ≥ 2n − 1</c>.</summary>
/// <remarks>The chirp and the transform of the convolution kernel are computed once per plan.</remarks>
internal sealed class BluesteinKernel
{
    private readonly int n, m;
    private readonly MixedRadixKernel<double> inner;
    private readonly double[] chirpRe, chirpIm;   // exp(-πi k² / n), k in [0, n)
    private readonly double[] kernelRe, kernelIm; // FFT of conj(chirp) wrapped to length m, scaled by 1/m

    public BluesteinKernel(int length)
    {
        n = length;
        m = 1;
        while (m < 2 * n - 1) m <<= 1;
        inner = new MixedRadixKernel<double>(m);
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int k = 0; k < n; k++)
        {
            // k² mod 2n in integers keeps the angle exact for long transforms.
            long k2 = (long)k * k % (2L * n);
            double angle = -Math.PI * k2 / n;
            chirpRe[k] = Math.Cos(angle);
            chirpIm[k] = Math.Sin(angle);
        }
        kernelRe = new double[m];
        kernelIm = new double[m];
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++)
        {
            kernelRe[k] = chirpRe[k] * scale;
            kernelIm[k] = -chirpIm[k] * scale;
            if (k > 0)
            {
                kernelRe[m - k] = chirpRe[k] * scale;
                kernelIm[m - k] = -chirpIm[k] * scale;
            }
        }
        var sr = new double[m];
        var si = new double[m];
        inner.Forward(kernelRe, kernelIm, sr, si);
    }

    /// <summary>Transform length.</summary>
    public int Length => n;

    /// <summary>Doubles of scratch <see cref="Forward"/> needs.</summary>
    public int WorkspaceLength => 4 * m;

    /// <summary>In-place forward transform using <paramref name="workspace"/> (at least <see cref="WorkspaceLength"/>).</summary>
    public void Forward(Span<double> re, Span<double> im, Span<double> workspace)
    {
        {
            Span<double> a = workspace[..m], b = workspace.Slice(m, m), sr = workspace.Slice(2 * m, m), si = workspace.Slice(3 * m, m);
            for (int k = 0; k < n; k++)
            {
                a[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
                b[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
            }
            a[n..].Clear();
            b[n..].Clear();
            inner.Forward(a, b, sr, si);
            for (int k = 0; k < m; k++)
            {
                double xr = a[k], xi = b[k];
                a[k] = xr * kernelRe[k] - xi * kernelIm[k];
                // Conjugate on the way in and out turns the forward kernel into the inverse transform.
                b[k] = -(xr * kernelIm[k] + xi * kernelRe[k]);
            }
            inner.Forward(a, b, sr, si);
            for (int k = 0; k < n; k++)
            {
                double cr = a[k], ci = -b[k];
                re[k] = cr * chirpRe[k] - ci * chirpIm[k];
                im[k] = cr * chirpIm[k] + ci * chirpRe[k];
            }
        }
    }
}
