using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Signals.Fourier;

/// <summary>Reads a batch of windowed real frames straight from a signal into the interleaved half-length complex
/// layout of the batched real FFT: <c>zr[t · lanes + f] = x_f[2t]</c>, <c>zi[t · lanes + f] = x_f[2t + 1]</c>.</summary>
internal static class FramePacking
{
    /// <summary>Packs <c>Vector&lt;float&gt;.Count</c> lanes; lanes at or above <paramref name="count"/> repeat the last
    /// frame. Frame <c>f</c> is <c>samples[start + f·stride + i] · window[i]</c> for <c>i &lt; used</c>, zero after
    /// (an empty window means ones). The caller has checked that every frame lies inside <paramref name="samples"/>.</summary>
    public static unsafe void Pack(ReadOnlySpan<float> samples, int start, int stride, int count, ReadOnlySpan<float> window, int used,
        Span<float> zr, Span<float> zi)
    {
        int b = Vector<float>.Count, n = zr.Length / b;
        int pairs = used / 2; // t below this has both samples inside the frame
        if (Avx2.IsSupported && b == Vector256<float>.Count)
        {
            // One gather per (t, even/odd): lane f reads the frame start + f·stride, clamped to the last real frame.
            var offsets = Vector256.Min(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count - 1)) * stride;
            fixed (float* s = samples, w = window, r = zr, i = zi)
            {
                float* frame = s + start;
                for (int t = 0; t < pairs; t++)
                {
                    var even = Avx2.GatherVector256(frame + 2 * t, offsets, 4);
                    var odd = Avx2.GatherVector256(frame + 2 * t + 1, offsets, 4);
                    if (!window.IsEmpty)
                    {
                        even *= Vector256.Create(w[2 * t]);
                        odd *= Vector256.Create(w[2 * t + 1]);
                    }
                    Vector256.Store(even, r + t * b);
                    Vector256.Store(odd, i + t * b);
                }
            }
        }
        else
        {
            for (int f = 0; f < b; f++)
            {
                var x = samples.Slice(start + Math.Min(f, count - 1) * stride, used);
                for (int t = 0; t < pairs; t++)
                {
                    zr[t * b + f] = window.IsEmpty ? x[2 * t] : x[2 * t] * window[2 * t];
                    zi[t * b + f] = window.IsEmpty ? x[2 * t + 1] : x[2 * t + 1] * window[2 * t + 1];
                }
            }
        }
        zr[(pairs * b)..].Clear();
        zi[(pairs * b)..].Clear();
        if (used % 2 == 1) // an odd-length window leaves one even sample in the last pair
        {
            for (int f = 0; f < b; f++)
            {
                int last = start + Math.Min(f, count - 1) * stride + used - 1;
                zr[pairs * b + f] = window.IsEmpty ? samples[last] : samples[last] * window[used - 1];
            }
        }
    }
}
