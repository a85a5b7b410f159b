using System.Buffers;
using System.Runtime.Intrinsics;

namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// Zero-phase SOS filtering of four equally long channels at once, one channel per lane of a
/// <see cref="Vector256{T}"/>. Every lane performs exactly the scalar operations of
/// <see cref="SosFilter.SosFiltFilt(SecondOrderSections, ReadOnlySpan{double}, Span{double}, int?)"/> in the same order
/// (no fused multiply–add), so results are bit-identical to filtering each channel alone.
/// </summary>
internal static class SosFilterBatch
{
    public const int Lanes = 4;

    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Filters <c>inputs[0..3]</c> (same length, longer than <paramref name="edge"/>) into <c>outputs[0..3]</c>.</summary>
    public static void SosFiltFilt4(SecondOrderSections sos, ReadOnlySpan<double[]> inputs, Span<double[]> outputs, int edge, ReadOnlySpan<double> zi)
    {
        int total = inputs[0].Length + 2 * edge;
        // Rented: a minute of EEG is ~250 KB per group, which would otherwise land on the large-object heap every call.
        Vector256<double>[] rented = ArrayPool<Vector256<double>>.Shared.Rent(total);
        try
        {
            Run(sos, inputs, outputs, edge, zi, rented.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<Vector256<double>>.Shared.Return(rented);
        }
    }

    private static void Run(SecondOrderSections sos, ReadOnlySpan<double[]> inputs, Span<double[]> outputs, int edge, ReadOnlySpan<double> zi, Span<Vector256<double>> buffer)
    {
        int n = inputs[0].Length;
        int total = buffer.Length;
        for (int i = 0; i < total; i++)
        {
            buffer[i] = Vector256.Create(Extended(inputs[0], edge, i), Extended(inputs[1], edge, i), Extended(inputs[2], edge, i), Extended(inputs[3], edge, i));
        }

        int sections = sos.Count;
        var state = new Vector256<double>[2 * sections];
        var coefficients = new Vector256<double>[6 * sections];
        for (int k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] = Vector256.Create(sos.Coefficients[k]);
        }

        ScaleState(zi, buffer[0], state);
        for (int i = 0; i < total; i++)
        {
            buffer[i] = Step(coefficients, state, buffer[i]);
        }

        ScaleState(zi, buffer[total - 1], state);
        for (int i = total - 1; i >= 0; i--)
        {
            buffer[i] = Step(coefficients, state, buffer[i]);
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            double[] y = outputs[lane];
            for (int i = 0; i < n; i++)
            {
                y[i] = buffer[edge + i].GetElement(lane);
            }
        }
    }

    private static Vector256<double> Step(Vector256<double>[] k, Vector256<double>[] z, Vector256<double> x)
    {
        for (int s = 0; s < z.Length / 2; s++)
        {
            int c = 6 * s;
            Vector256<double> y = (k[c] * x) + z[2 * s];
            z[2 * s] = ((k[c + 1] * x) - (k[c + 4] * y)) + z[2 * s + 1];
            z[2 * s + 1] = (k[c + 2] * x) - (k[c + 5] * y);
            x = y;
        }

        return x;
    }

    private static void ScaleState(ReadOnlySpan<double> zi, Vector256<double> first, Vector256<double>[] state)
    {
        for (int k = 0; k < state.Length; k++)
        {
            state[k] = Vector256.Create(zi[k]) * first;
        }
    }

    // Sample i of the odd extension [2·x0 − x[edge..1], x, 2·x[n−1] − x[n−2..n−1−edge]].
    private static double Extended(double[] x, int edge, int i)
    {
        int n = x.Length;
        if (i < edge)
        {
            return 2 * x[0] - x[edge - i];
        }

        if (i < edge + n)
        {
            return x[i - edge];
        }

        return 2 * x[n - 1] - x[n - 2 - (i - edge - n)];
    }
}
