using System.Numerics.Tensors;

namespace MlNetEmotion.Signals.Resampling;

/// <summary>
/// An FIR filter split into its <c>up</c> polyphase components, each stored reversed so that one output sample of
/// upsample → filter → downsample is a single contiguous dot product with the input.
/// </summary>
internal sealed class Polyphase
{
    private readonly double[][] _reversedPhases;
    private readonly int _up;
    private readonly int _down;

    public Polyphase(ReadOnlySpan<double> h, int up, int down)
    {
        _up = up;
        _down = down;
        _reversedPhases = new double[up][];
        for (int p = 0; p < up; p++)
        {
            int count = p < h.Length ? (h.Length - p + up - 1) / up : 0;
            var phase = new double[count];
            for (int q = 0; q < count; q++)
            {
                phase[count - 1 - q] = h[p + up * q];
            }

            _reversedPhases[p] = phase;
        }
    }

    /// <summary>
    /// <c>y[j] = Σₘ x[m]·h[t0 + j·down − m·up]</c> for every j, with x zero outside its range (upfirdn's
    /// constant-zero mode); <paramref name="t0"/> selects where the outputs start.
    /// </summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y, long t0)
    {
        long n = x.Length;
        for (int j = 0; j < y.Length; j++)
        {
            long t = t0 + (long)j * _down;
            int p = (int)(t % _up);
            long newest = t / _up;
            double[] phase = _reversedPhases[p];
            long oldest = newest - phase.Length + 1;
            long first = Math.Max(oldest, 0);
            long last = Math.Min(newest, n - 1);
            y[j] = last < first
                ? 0.0
                : TensorPrimitives.Dot(x.Slice((int)first, (int)(last - first + 1)), phase.AsSpan((int)(first - oldest), (int)(last - first + 1)));
        }
    }
}
