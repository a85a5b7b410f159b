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
        var (k0, k1, k2, k3) = (new Biquad(coefficients, 0), new Biquad(coefficients, 1), new Biquad(coefficients, 2), new Biquad(coefficients, 3));
        for (int block = 0; block < data.Length / length; block += Width)
        {
            Vector256<double> z00 = default, z01 = default, z10 = default, z11 = default, z20 = default, z21 = default, z30 = default, z31 = default;
            ref double first = ref MemoryMarshal.GetReference(data.Slice(block * length));
            for (int n = 0; n < length; n++)
            {
                var y = k0.Step(Load(ref first, n, length), ref z00, ref z01);
                y = k1.Step(y, ref z10, ref z11);
                y = k2.Step(y, ref z20, ref z21);
                Store(k3.Step(y, ref z30, ref z31), ref first, n, length);
            }
        }
    }

    /// <summary>One section's coefficients, broadcast to every lane.</summary>
    private readonly struct Biquad(ReadOnlySpan<double> c, int s)
    {
        private readonly Vector256<double> _b0 = Vector256.Create(c[6 * s]), _b1 = Vector256.Create(c[6 * s + 1]), _b2 = Vector256.Create(c[6 * s + 2]);
        private readonly Vector256<double> _a1 = Vector256.Create(c[6 * s + 4]), _a2 = Vector256.Create(c[6 * s + 5]);

        /// <summary>Transposed direct form II: output for input <paramref name="x"/>, updating the two state values.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Step(Vector256<double> x, ref Vector256<double> z0, ref Vector256<double> z1)
        {
            var y = _b0 * x + z0;
            z0 = _b1 * x - _a1 * y + z1;
            z1 = _b2 * x - _a2 * y;
            return y;
        }
    }
}
