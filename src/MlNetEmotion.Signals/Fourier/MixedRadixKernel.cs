using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlNetEmotion.Signals.Fourier;

/// <summary>Forward complex DFT of a length whose prime factors are all small, by the Stockham autosort
/// algorithm on split (real, imaginary) arrays: radix-4 and radix-2 butterflies, radix 3 and 5, and a generic odd radix.</summary>
/// <remarks>Stage <c>i</c> of radix <c>r</c> works on sub-transforms of length <c>n_i</c> with <c>m = n_i / r</c>
/// groups and stride <c>s</c>: <c>y[q + s(rp + j)] = w^(jp) · DFT_r(x[q + s(p + km)])_j</c>. The innermost
/// loop runs over the contiguous index <c>q</c> and is vectorised once <c>s</c> is a multiple of the vector width.
/// Immutable after construction, so one kernel may serve many threads.</remarks>
internal sealed class MixedRadixKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Stage[] stages;

    /// <summary>Largest prime factor handled by the generic radix; larger factors go to Bluestein.</summary>
    public const int MaxPrimeFactor = 31;

    /// <param name="length">Transform length.</param>
    /// <param name="batch">Independent transforms interleaved element by element (<c>x[t·batch + b]</c>); the
    /// Stockham stride simply starts at <paramref name="batch"/>, so every stage runs vectorised.</param>
    public MixedRadixKernel(int length, int batch = 1)
    {
        Length = length;
        Batch = batch;
        var radices = Factor(length) ?? throw new ArgumentException($"Length {length} has a prime factor above {MaxPrimeFactor}.", nameof(length));
        stages = new Stage[radices.Count];
        int n = length, s = batch;
        for (int i = 0; i < radices.Count; i++)
        {
            stages[i] = new Stage(radices[i], n, s);
            n /= radices[i];
            s *= radices[i];
        }
    }

    /// <summary>Transform length.</summary>
    public int Length { get; }

    /// <summary>Number of interleaved transforms per call.</summary>
    public int Batch { get; }

    /// <summary>Radices for <paramref name="n"/> (fours first, then a two, then odd primes), or null when a prime
    /// factor exceeds <see cref="MaxPrimeFactor"/>.</summary>
    public static List<int>? Factor(int n)
    {
        var radices = new List<int>();
        while (n % 4 == 0) { radices.Add(4); n /= 4; }
        if (n % 2 == 0) { radices.Add(2); n /= 2; }
        for (int p = 3; n > 1; p += 2)
        {
            while (n % p == 0)
            {
                if (p > MaxPrimeFactor) return null;
                radices.Add(p);
                n /= p;
            }
            if (p > MaxPrimeFactor && n > 1) return null;
        }
        return radices;
    }

    /// <summary>In-place forward transform of (<paramref name="re"/>, <paramref name="im"/>), each
    /// <c>Length · Batch</c> long, using the two scratch arrays of the same size.</summary>
    public void Forward(Span<T> re, Span<T> im, Span<T> scratchRe, Span<T> scratchIm)
    {
        if (stages.Length == 0) return;
        Span<T> xr = re, xi = im, yr = scratchRe[..(Length * Batch)], yi = scratchIm[..(Length * Batch)];
        foreach (var stage in stages)
        {
            stage.Run(xr, xi, yr, yi);
            var tr = xr; xr = yr; yr = tr;
            var ti = xi; xi = yi; yi = ti;
        }
        if (stages.Length % 2 == 1)
        {
            xr.CopyTo(re);
            xi.CopyTo(im);
        }
    }

    private sealed class Stage
    {
        private readonly int radix, m, s;
        // Twiddles w^(jp) for p in [0, m), j in [1, radix): index p * (radix - 1) + j - 1.
        private readonly T[] twRe, twIm;
        // Roots of unity exp(-2πi t / radix), t in [0, radix), for the generic radix.
        private readonly T[] rootRe, rootIm;

        public Stage(int radix, int n, int s)
        {
            this.radix = radix;
            this.s = s;
            m = n / radix;
            twRe = new T[m * (radix - 1)];
            twIm = new T[m * (radix - 1)];
            for (int p = 0; p < m; p++)
            {
                for (int j = 1; j < radix; j++)
                {
                    // Reduce j·p modulo n in integers so the angle stays accurate for long transforms.
                    long k = (long)j * p % n;
                    double angle = -2.0 * Math.PI * k / n;
                    twRe[p * (radix - 1) + j - 1] = T.CreateTruncating(Math.Cos(angle));
                    twIm[p * (radix - 1) + j - 1] = T.CreateTruncating(Math.Sin(angle));
                }
            }
            rootRe = new T[radix];
            rootIm = new T[radix];
            for (int t = 0; t < radix; t++)
            {
                rootRe[t] = T.CreateTruncating(Math.Cos(-2.0 * Math.PI * t / radix));
                rootIm[t] = T.CreateTruncating(Math.Sin(-2.0 * Math.PI * t / radix));
            }
        }

        public void Run(Span<T> xr, Span<T> xi, Span<T> yr, Span<T> yi)
        {
            switch (radix)
            {
                case 4: Radix4(xr, xi, yr, yi); break;
                case 2: Radix2(xr, xi, yr, yi); break;
                case 3: Radix3(xr, xi, yr, yi); break;
                case 5: Radix5(xr, xi, yr, yi); break;
                default: Generic(xr, xi, yr, yi); break;
            }
        }

        private void Radix2(Span<T> xr, Span<T> xi, Span<T> yr, Span<T> yi)
        {
            int vw = Vector<T>.Count;
            for (int p = 0; p < m; p++)
            {
                T wr = twRe[p], wi = twIm[p];
                int a0 = s * p, a1 = s * (p + m), b0 = s * 2 * p, b1 = s * (2 * p + 1);
                int q = 0;
                if (s >= vw)
                {
                    var vwr = new Vector<T>(wr);
                    var vwi = new Vector<T>(wi);
                    for (; q <= s - vw; q += vw)
                    {
                        var r0 = Load(xr, a0 + q); var i0 = Load(xi, a0 + q);
                        var r1 = Load(xr, a1 + q); var i1 = Load(xi, a1 + q);
                        Store(yr, b0 + q, r0 + r1); Store(yi, b0 + q, i0 + i1);
                        var dr = r0 - r1; var di = i0 - i1;
                        Store(yr, b1 + q, dr * vwr - di * vwi); Store(yi, b1 + q, dr * vwi + di * vwr);
                    }
                }
                for (; q < s; q++)
                {
                    T r0 = xr[a0 + q], i0 = xi[a0 + q], r1 = xr[a1 + q], i1 = xi[a1 + q];
                    yr[b0 + q] = r0 + r1; yi[b0 + q] = i0 + i1;
                    T dr = r0 - r1, di = i0 - i1;
                    yr[b1 + q] = dr * wr - di * wi; yi[b1 + q] = dr * wi + di * wr;
                }
            }
        }

        private void Radix4(Span<T> xr, Span<T> xi, Span<T> yr, Span<T> yi)
        {
            int vw = Vector<T>.Count;
            for (int p = 0; p < m; p++)
            {
                T w1r = twRe[3 * p], w1i = twIm[3 * p], w2r = twRe[3 * p + 1], w2i = twIm[3 * p + 1], w3r = twRe[3 * p + 2], w3i = twIm[3 * p + 2];
                int a0 = s * p, a1 = s * (p + m), a2 = s * (p + 2 * m), a3 = s * (p + 3 * m);
                int b0 = s * 4 * p, b1 = b0 + s, b2 = b1 + s, b3 = b2 + s;
                int q = 0;
                if (s >= vw)
                {
                    Vector<T> v1r = new(w1r), v1i = new(w1i), v2r = new(w2r), v2i = new(w2i), v3r = new(w3r), v3i = new(w3i);
                    for (; q <= s - vw; q += vw)
                    {
                        var r0 = Load(xr, a0 + q); var i0 = Load(xi, a0 + q);
                        var r1 = Load(xr, a1 + q); var i1 = Load(xi, a1 + q);
                        var r2 = Load(xr, a2 + q); var i2 = Load(xi, a2 + q);
                        var r3 = Load(xr, a3 + q); var i3 = Load(xi, a3 + q);
                        var t0r = r0 + r2; var t0i = i0 + i2;
                        var t1r = r0 - r2; var t1i = i0 - i2;
                        var t2r = r1 + r3; var t2i = i1 + i3;
                        var t3r = i1 - i3; var t3i = r3 - r1; // (a1 - a3)·(-i)
                        Store(yr, b0 + q, t0r + t2r); Store(yi, b0 + q, t0i + t2i);
                        var c1r = t1r + t3r; var c1i = t1i + t3i;
                        var c2r = t0r - t2r; var c2i = t0i - t2i;
                        var c3r = t1r - t3r; var c3i = t1i - t3i;
                        Store(yr, b1 + q, c1r * v1r - c1i * v1i); Store(yi, b1 + q, c1r * v1i + c1i * v1r);
                        Store(yr, b2 + q, c2r * v2r - c2i * v2i); Store(yi, b2 + q, c2r * v2i + c2i * v2r);
                        Store(yr, b3 + q, c3r * v3r - c3i * v3i); Store(yi, b3 + q, c3r * v3i + c3i * v3r);
                    }
                }
                for (; q < s; q++)
                {
                    T r0 = xr[a0 + q], i0 = xi[a0 + q], r1 = xr[a1 + q], i1 = xi[a1 + q];
                    T r2 = xr[a2 + q], i2 = xi[a2 + q], r3 = xr[a3 + q], i3 = xi[a3 + q];
                    T t0r = r0 + r2, t0i = i0 + i2, t1r = r0 - r2, t1i = i0 - i2;
                    T t2r = r1 + r3, t2i = i1 + i3, t3r = i1 - i3, t3i = r3 - r1;
                    yr[b0 + q] = t0r + t2r; yi[b0 + q] = t0i + t2i;
                    T c1r = t1r + t3r, c1i = t1i + t3i, c2r = t0r - t2r, c2i = t0i - t2i, c3r = t1r - t3r, c3i = t1i - t3i;
                    yr[b1 + q] = c1r * w1r - c1i * w1i; yi[b1 + q] = c1r * w1i + c1i * w1r;
                    yr[b2 + q] = c2r * w2r - c2i * w2i; yi[b2 + q] = c2r * w2i + c2i * w2r;
                    yr[b3 + q] = c3r * w3r - c3i * w3i; yi[b3 + q] = c3r * w3i + c3i * w3r;
                }
            }
        }

        private void Radix3(Span<T> xr, Span<T> xi, Span<T> yr, Span<T> yi)
        {
            T H = T.CreateTruncating(0.86602540378443864676); // √3 / 2
            T half = T.CreateTruncating(0.5);
            for (int p = 0; p < m; p++)
            {
                T w1r = twRe[2 * p], w1i = twIm[2 * p], w2r = twRe[2 * p + 1], w2i = twIm[2 * p + 1];
                int a0 = s * p, a1 = s * (p + m), a2 = s * (p + 2 * m);
                int b0 = s * 3 * p, b1 = b0 + s, b2 = b1 + s;
                for (int q = 0; q < s; q++)
                {
                    T r0 = xr[a0 + q], i0 = xi[a0 + q], r1 = xr[a1 + q], i1 = xi[a1 + q], r2 = xr[a2 + q], i2 = xi[a2 + q];
                    T sr = r1 + r2, si = i1 + i2, dr = r1 - r2, di = i1 - i2;
                    yr[b0 + q] = r0 + sr; yi[b0 + q] = i0 + si;
                    T mr = r0 - half * sr, mi = i0 - half * si;
                    T nr = H * di, ni = -(H * dr); // -i·(√3/2)·(a1 - a2)
                    T c1r = mr + nr, c1i = mi + ni, c2r = mr - nr, c2i = mi - ni;
                    yr[b1 + q] = c1r * w1r - c1i * w1i; yi[b1 + q] = c1r * w1i + c1i * w1r;
                    yr[b2 + q] = c2r * w2r - c2i * w2i; yi[b2 + q] = c2r * w2i + c2i * w2r;
                }
            }
        }

        private void Radix5(Span<T> xr, Span<T> xi, Span<T> yr, Span<T> yi)
        {
            T C1 = T.CreateTruncating(0.30901699437494742410), C2 = T.CreateTruncating(-0.80901699437494742410); // cos(2π/5), cos(4π/5)
            T S1 = T.CreateTruncating(0.95105651629515357212), S2 = T.CreateTruncating(0.58778525229247312917);  // sin(2π/5), sin(4π/5)
            for (int p = 0; p < m; p++)
            {
                int a0 = s * p, a1 = s * (p + m), a2 = s * (p + 2 * m), a3 = s * (p + 3 * m), a4 = s * (p + 4 * m);
                int b0 = s * 5 * p;
                for (int q = 0; q < s; q++)
                {
                    T r0 = xr[a0 + q], i0 = xi[a0 + q];
                    T t1r = xr[a1 + q] + xr[a4 + q], t1i = xi[a1 + q] + xi[a4 + q];
                    T t2r = xr[a2 + q] + xr[a3 + q], t2i = xi[a2 + q] + xi[a3 + q];
                    T t3r = xr[a1 + q] - xr[a4 + q], t3i = xi[a1 + q] - xi[a4 + q];
                    T t4r = xr[a2 + q] - xr[a3 + q], t4i = xi[a2 + q] - xi[a3 + q];
                    yr[b0 + q] = r0 + t1r + t2r; yi[b0 + q] = i0 + t1i + t2i;
                    T b1r = r0 + C1 * t1r + C2 * t2r, b1i = i0 + C1 * t1i + C2 * t2i;
                    T b2r = r0 + C2 * t1r + C1 * t2r, b2i = i0 + C2 * t1i + C1 * t2i;
                    T u1r = S1 * t3r + S2 * t4r, u1i = S1 * t3i + S2 * t4i; // y1 = b1 − i·u1, y4 = b1 + i·u1
                    T u2r = S2 * t3r - S1 * t4r, u2i = S2 * t3i - S1 * t4i; // y2 = b2 − i·u2, y3 = b2 + i·u2
                    Twiddled(yr, yi, b0 + s + q, b1r + u1i, b1i - u1r, p, 1);
                    Twiddled(yr, yi, b0 + 2 * s + q, b2r + u2i, b2i - u2r, p, 2);
                    Twiddled(yr, yi, b0 + 3 * s + q, b2r - u2i, b2i + u2r, p, 3);
                    Twiddled(yr, yi, b0 + 4 * s + q, b1r - u1i, b1i + u1r, p, 4);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Twiddled(Span<T> yr, Span<T> yi, int o, T cr, T ci, int p, int j)
        {
            T wr = twRe[p * (radix - 1) + j - 1], wi = twIm[p * (radix - 1) + j - 1];
            yr[o] = cr * wr - ci * wi;
            yi[o] = cr * wi + ci * wr;
        }

        private void Generic(Span<T> xr, Span<T> xi, Span<T> yr, Span<T> yi)
        {
            int r = radix;
            Span<T> ar = stackalloc T[r], ai = stackalloc T[r];
            for (int p = 0; p < m; p++)
            {
                for (int q = 0; q < s; q++)
                {
                    for (int k = 0; k < r; k++)
                    {
                        ar[k] = xr[q + s * (p + k * m)];
                        ai[k] = xi[q + s * (p + k * m)];
                    }
                    for (int j = 0; j < r; j++)
                    {
                        T cr = T.Zero, ci = T.Zero;
                        for (int k = 0, t = 0; k < r; k++, t = (t + j) % r)
                        {
                            cr += ar[k] * rootRe[t] - ai[k] * rootIm[t];
                            ci += ar[k] * rootIm[t] + ai[k] * rootRe[t];
                        }
                        int o = q + s * (r * p + j);
                        if (j == 0)
                        {
                            yr[o] = cr; yi[o] = ci;
                        }
                        else
                        {
                            T wr = twRe[p * (r - 1) + j - 1], wi = twIm[p * (r - 1) + j - 1];
                            yr[o] = cr * wr - ci * wi; yi[o] = cr * wi + ci * wr;
                        }
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<T> Load(Span<T> a, int i) =>
            Unsafe.ReadUnaligned<Vector<T>>(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(a), i)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Span<T> a, int i, Vector<T> v) =>
            Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(a), i)), v);
    }
}
