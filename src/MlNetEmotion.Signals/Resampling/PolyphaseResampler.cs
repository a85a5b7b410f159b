namespace MlNetEmotion.Signals.Resampling;

/// <summary>
/// Rational-rate resampling by <c>up/down</c> with a Kaiser-windowed FIR anti-aliasing filter, equivalent to
/// <c>scipy.signal.resample_poly(x, up, down, window=('kaiser', beta), padtype='constant')</c> (zeros beyond the
/// ends). The factors are reduced by their gcd; the filter has <c>2·10·max(up, down) + 1</c> taps with cutoff
/// <c>1/max(up, down)</c> of Nyquist. Build once and reuse for many signals; instances are thread-safe.
/// </summary>
public sealed class PolyphaseResampler
{
    private readonly Polyphase? _polyphase;
    private readonly int _halfLength;

    /// <summary>Designs the resampler.</summary>
    /// <param name="up">Upsampling factor, at least 1.</param>
    /// <param name="down">Downsampling factor, at least 1.</param>
    /// <param name="kaiserBeta">Kaiser window β of the anti-aliasing filter; SciPy's default is 5.</param>
    public PolyphaseResampler(int up, int down, double kaiserBeta = 5.0)
    {
        if (up < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(up), up, "The upsampling factor must be at least 1.");
        }

        if (down < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(down), down, "The downsampling factor must be at least 1.");
        }

        int g = Gcd(up, down);
        Up = up / g;
        Down = down / g;
        if (Up == 1 && Down == 1)
        {
            Filter = [1.0];
            return;
        }

        int maxRate = Math.Max(Up, Down);
        _halfLength = 10 * maxRate;
        double[] h = FirDesign.FirwinLowPass(2 * _halfLength + 1, 1.0 / maxRate, kaiserBeta);
        for (int i = 0; i < h.Length; i++)
        {
            h[i] *= Up;
        }

        Filter = h;
        _polyphase = new Polyphase(h, Up, Down);
    }

    /// <summary>Upsampling factor after dividing out the gcd.</summary>
    public int Up { get; }

    /// <summary>Downsampling factor after dividing out the gcd.</summary>
    public int Down { get; }

    /// <summary>The anti-aliasing filter taps, already multiplied by <see cref="Up"/>.</summary>
    public IReadOnlyList<double> Filter { get; }

    /// <summary>Number of output samples for <paramref name="inputLength"/> input samples: <c>⌈inputLength·up/down⌉</c>.</summary>
    /// <param name="inputLength">Number of input samples.</param>
    public int OutputLength(int inputLength) => checked((int)(((long)inputLength * Up + Down - 1) / Down));

    /// <summary>Resamples <paramref name="x"/> into <paramref name="y"/>.</summary>
    /// <param name="x">Input samples.</param>
    /// <param name="y">Output, exactly <see cref="OutputLength"/> samples.</param>
    /// <exception cref="NonFiniteSampleException">An input sample is NaN or infinite.</exception>
    public void Resample(ReadOnlySpan<double> x, Span<double> y)
    {
        SampleGuard.EnsureFinite(x, nameof(x));
        if (y.Length != OutputLength(x.Length))
        {
            throw new ArgumentException($"The output must hold {OutputLength(x.Length)} samples for {x.Length} inputs at {Up}/{Down}; got {y.Length}.", nameof(y));
        }

        if (_polyphase is null)
        {
            x.CopyTo(y);
            return;
        }

        _polyphase.Apply(x, y, _halfLength);
    }

    /// <summary>Resamples <paramref name="x"/>, allocating the output.</summary>
    /// <param name="x">Input samples.</param>
    /// <returns><see cref="OutputLength"/> samples.</returns>
    public double[] Resample(ReadOnlySpan<double> x)
    {
        var y = new double[OutputLength(x.Length)];
        Resample(x, y);
        return y;
    }

    /// <summary>One-shot <c>scipy.signal.resample_poly(x, up, down)</c>.</summary>
    /// <param name="x">Input samples.</param>
    /// <param name="up">Upsampling factor, at least 1.</param>
    /// <param name="down">Downsampling factor, at least 1.</param>
    /// <param name="kaiserBeta">Kaiser window β of the anti-aliasing filter; SciPy's default is 5.</param>
    /// <returns>The resampled signal, <c>⌈len(x)·up/down⌉</c> samples.</returns>
    public static double[] ResamplePoly(ReadOnlySpan<double> x, int up, int down, double kaiserBeta = 5.0) =>
        new PolyphaseResampler(up, down, kaiserBeta).Resample(x);

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
