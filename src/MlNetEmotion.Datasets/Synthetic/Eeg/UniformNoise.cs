using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Fast white noise for the signal generator: four xoshiro256+ generators running in the lanes of a 256-bit vector
/// (Blackman and Vigna, 2018), each sample uniform on [−√3, √3) so that it has zero mean and unit variance. Filtered
/// and mixed, the sum of many such samples is Gaussian to all practical purposes, and drawing them costs a fraction of
/// Box–Muller normals. The sequence depends only on the seed (the software fallback of <see cref="Vector256"/> gives
/// the same numbers).
/// </summary>
internal sealed class UniformNoise
{
    private const double HalfWidth = 1.7320508075688772; // √3: unit variance for a uniform on [−√3, √3)
    private Vector256<ulong> _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four lanes with 16 draws of <paramref name="random"/>.</summary>
    public UniformNoise(Random random)
    {
        Span<ulong> state = stackalloc ulong[16];
        for (int i = 0; i < state.Length; i++) state[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
        _s0 = Vector256.Create(state[0], state[1], state[2], state[3]);
        _s1 = Vector256.Create(state[4], state[5], state[6], state[7]);
        _s2 = Vector256.Create(state[8], state[9], state[10], state[11]);
        _s3 = Vector256.Create(state[12], state[13], state[14], state[15]);
    }

    /// <summary>Fills <paramref name="destination"/> with zero-mean, unit-variance uniform samples.</summary>
    public void Fill(Span<double> destination)
    {
        // The state lives in locals while filling, so that it stays in registers.
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        var vectors = MemoryMarshal.Cast<double, Vector256<double>>(destination);
        for (int i = 0; i < vectors.Length; i++) vectors[i] = Next(ref s0, ref s1, ref s2, ref s3);
        int done = vectors.Length * Vector256<double>.Count;
        if (done < destination.Length)
        {
            Span<double> tail = stackalloc double[Vector256<double>.Count];
            Next(ref s0, ref s1, ref s2, ref s3).CopyTo(tail);
            tail[..(destination.Length - done)].CopyTo(destination[done..]);
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One xoshiro256+ step in every lane, as four samples: the top 52 bits of each output become the mantissa
    /// of a double in [1, 2), which is then centred and scaled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Next(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var result = s0 + s3;
        var t = Vector256.ShiftLeft(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Vector256.ShiftLeft(s3, 45) | Vector256.ShiftRightLogical(s3, 19);
        var unit = (Vector256.ShiftRightLogical(result, 12) | Vector256.Create(0x3FF0000000000000UL)).AsDouble();
        return (unit - Vector256.Create(1.5)) * Vector256.Create(2 * HalfWidth);
    }
}
