using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Recursive filters over channel-major data [rows × length], four channels at a time in the lanes of a 256-bit
/// vector: the recursion along time cannot be vectorised, but four independent channels can run side by side.
/// The row count must be a multiple of <see cref="Width"/> (callers pad their buffers).
/// </summary>
internal static class ChannelLanes
{
    /// <summary>Channels per vector.</summary>
    public const int Width = 4;

    /// <summary>Rows rounded up to a whole number of vectors.</summary>
    public static int Padded(int rows) => (rows + Width - 1) / Width * Width;

    /// <summary>Sample <paramref name="n"/> of four consecutive rows starting at <paramref name="first"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref double first, int n, int length) => Vector256.Create(
        Unsafe.Add(ref first, n), Unsafe.Add(ref first, length + n), Unsafe.Add(ref first, 2 * length + n), Unsafe.Add(ref first, 3 * length + n));

    /// <summary>Stores four lanes as sample <paramref name="n"/> of four consecutive rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, ref double first, int n, int length)
    {
        Unsafe.Add(ref first, n) = value.GetElement(0);
        Unsafe.Add(ref first, length + n) = value.GetElement(1);
        Unsafe.Add(ref first, 2 * length + n) = value.GetElement(2);
        Unsafe.Add(ref first, 3 * length + n) = value.GetElement(3);
    }

    /// <summary>Causal second-order-section filtering from rest (SciPy's <c>sosfilt</c>, transposed direct form II) of
    /// every row, in place.</summary>
    /// <param name="coefficients">Row-major [sections × 6] (b0, b1, b2, 1, a1, a2).</param>
    /// <param name="data">Channel-major rows; their count a multiple of <see cref="Width"/>.</param>
    /// <param name="length">Samples per row.</param>
    public static void SosFilt(ReadOnlySpan<double> coefficients, Span<double> data, int length)
    {
        int sections = coefficients.Length / 6;
        Span<Vector256<double>> k = stackalloc Vector256<double>[5 * sections];
        for (int s = 0; s < sections; s++)
        {
            k[5 * s] = Vector256.Create(coefficients[6 * s]);
            k[5 * s + 1] = Vector256.Create(coefficients[6 * s + 1]);
            k[5 * s + 2] = Vector256.Create(coefficients[6 * s + 2]);
            k[5 * s + 3] = Vector256.Create(coefficients[6 * s + 4]);
            k[5 * s + 4] = Vector256.Create(coefficients[6 * s + 5]);
        }
        Span<Vector256<double>> z = stackalloc Vector256<double>[2 * sections];
        for (int block = 0; block < data.Length / length; block += Width)
        {
            z.Clear();
            ref double first = ref MemoryMarshal.GetReference(data.Slice(block * length));
            for (int n = 0; n < length; n++)
            {
                var x = Load(ref first, n, length);
                for (int s = 0; s < sections; s++)
                {
                    var y = k[5 * s] * x + z[2 * s];
                    z[2 * s] = k[5 * s + 1] * x - k[5 * s + 3] * y + z[2 * s + 1];
                    z[2 * s + 1] = k[5 * s + 2] * x - k[5 * s + 4] * y;
                    x = y;
                }
                Store(x, ref first, n, length);
            }
        }
    }
}
