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

    /// <summary>Causal filtering from rest by a cascade of four second-order sections (SciPy's <c>sosfilt</c>,
    /// transposed direct form II) of every row, in place. Fixed at four sections so that the whole filter state stays in
    /// registers.</summary>
    /// <param name="coefficients">Row-major [4 × 6] (b0, b1, b2, 1, a1, a2 per section).</param>
    /// <param name="data">Channel-major rows; their count a multiple of <see cref="Width"/>.</param>
    /// <param name="length">Samples per row.</param>
    public static void SosFilt4(ReadOnlySpan<double> coefficients, Span<double> data, int length)
    {
        if (coefficients.Length != 24) throw new ArgumentException($"Expected 4 sections (24 coefficients); got {coefficients.Length}.", nameof(coefficients));
        var (b00, b01, b02, a01, a02) = Section(coefficients, 0);
        var (b10, b11, b12, a11, a12) = Section(coefficients, 1);
        var (b20, b21, b22, a21, a22) = Section(coefficients, 2);
        var (b30, b31, b32, a31, a32) = Section(coefficients, 3);
        for (int block = 0; block < data.Length / length; block += Width)
        {
            var (z00, z01, z10, z11, z20, z21, z30, z31) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero,
                Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
            ref double first = ref MemoryMarshal.GetReference(data.Slice(block * length));
            for (int n = 0; n < length; n++)
            {
                var x = Load(ref first, n, length);
                var y = b00 * x + z00;
                z00 = b01 * x - a01 * y + z01;
                z01 = b02 * x - a02 * y;
                x = y;
                y = b10 * x + z10;
                z10 = b11 * x - a11 * y + z11;
                z11 = b12 * x - a12 * y;
                x = y;
                y = b20 * x + z20;
                z20 = b21 * x - a21 * y + z21;
                z21 = b22 * x - a22 * y;
                x = y;
                y = b30 * x + z30;
                z30 = b31 * x - a31 * y + z31;
                z31 = b32 * x - a32 * y;
                Store(y, ref first, n, length);
            }
        }
    }

    /// <summary>b0, b1, b2, a1, a2 of section <paramref name="s"/>, broadcast.</summary>
    private static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Section(ReadOnlySpan<double> c, int s) =>
        (Vector256.Create(c[6 * s]), Vector256.Create(c[6 * s + 1]), Vector256.Create(c[6 * s + 2]), Vector256.Create(c[6 * s + 4]), Vector256.Create(c[6 * s + 5]));
}
