using System.Buffers;

namespace MlNetEmotion.Signals.Filters;

/// <summary>Runs a causal filter in place over <paramref name="data"/>, starting from and updating <paramref name="state"/>.</summary>
internal delegate void InPlaceFilter(Span<double> data, Span<double> state);

/// <summary>
/// The forward–backward scheme shared by <c>filtfilt</c> and <c>sosfiltfilt</c>: odd extension by
/// <c>edge</c> samples at both ends, steady-state initial conditions scaled by the first sample of
/// each pass, a forward pass, a backward pass, then the extension cut off.
/// </summary>
internal static class ZeroPhase
{
    public static void Apply(ReadOnlySpan<double> x, Span<double> y, int edge, ReadOnlySpan<double> zi, InPlaceFilter filter)
    {
        int n = x.Length;
        if (y.Length != n)
        {
            throw new ArgumentException($"The output holds {y.Length} samples but the input has {n}.", nameof(y));
        }

        if (edge < 0)
        {
            throw new ArgumentOutOfRangeException("padLength", edge, "The padding length must not be negative.");
        }

        if (n <= edge)
        {
            throw new ArgumentException($"The signal has {n} samples; zero-phase filtering with padding length {edge} needs more than {edge}.", "x");
        }

        int total = n + 2 * edge;
        double[] buffer = ArrayPool<double>.Shared.Rent(total);
        double[] state = ArrayPool<double>.Shared.Rent(zi.Length);
        try
        {
            Span<double> ext = buffer.AsSpan(0, total);
            OddExtend(x, edge, ext);
            Span<double> s = state.AsSpan(0, zi.Length);
            Scale(zi, ext[0], s);
            filter(ext, s);
            Scale(zi, ext[total - 1], s);
            ext.Reverse();
            filter(ext, s);
            for (int i = 0; i < n; i++)
            {
                y[i] = ext[total - 1 - edge - i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
            ArrayPool<double>.Shared.Return(state);
        }
    }

    // ext = [2·x0 − x[edge..1], x, 2·x[n−1] − x[n−2..n−1−edge]]
    private static void OddExtend(ReadOnlySpan<double> x, int edge, Span<double> ext)
    {
        int n = x.Length;
        double first = x[0];
        double last = x[n - 1];
        for (int i = 0; i < edge; i++)
        {
            ext[i] = 2 * first - x[edge - i];
            ext[edge + n + i] = 2 * last - x[n - 2 - i];
        }

        x.CopyTo(ext.Slice(edge, n));
    }

    private static void Scale(ReadOnlySpan<double> zi, double factor, Span<double> destination)
    {
        for (int i = 0; i < zi.Length; i++)
        {
            destination[i] = zi[i] * factor;
        }
    }
}
