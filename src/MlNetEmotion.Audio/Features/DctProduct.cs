using System.Numerics;

namespace MlNetEmotion.Audio.Features;

/// <summary>The DCT of every frame as one matrix product, <c>C[k, t] = Σ_n B[k, n] · L[n, t]</c>, on
/// <c>[rows, frames]</c> matrices: vectorised along frames (contiguous in both), four coefficients per pass so each
/// loaded input vector is used four times.</summary>
internal static class DctProduct
{
    /// <summary>Frames per vectorised block; ranges handed to <see cref="Apply"/> should start at multiples of it so
    /// every frame takes the same path whatever the thread count.</summary>
    public static int Block => Vector<float>.Count;

    /// <summary>Computes frames [<paramref name="first"/>, <paramref name="end"/>) of the product.</summary>
    /// <param name="basis">Row-major <c>[coefficients, inputs]</c>.</param>
    /// <param name="coefficients">Output rows.</param>
    /// <param name="inputs">Input rows.</param>
    /// <param name="input"><c>[inputs, frames]</c>.</param>
    /// <param name="output"><c>[coefficients, frames]</c>.</param>
    /// <param name="frames">Row stride of both matrices.</param>
    /// <param name="first">First frame.</param>
    /// <param name="end">End of the frame range.</param>
    public static void Apply(float[] basis, int coefficients, int inputs, ReadOnlySpan<float> input, Span<float> output, int frames, int first, int end)
    {
        int v = Block, t = first;
        for (; t + v <= end; t += v)
        {
            int k = 0;
            for (; k + 4 <= coefficients; k += 4)
            {
                Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (int n = 0; n < inputs; n++)
                {
                    var x = new Vector<float>(input.Slice(n * frames + t, v));
                    s0 = Vector.MultiplyAddEstimate(new Vector<float>(basis[k * inputs + n]), x, s0);
                    s1 = Vector.MultiplyAddEstimate(new Vector<float>(basis[(k + 1) * inputs + n]), x, s1);
                    s2 = Vector.MultiplyAddEstimate(new Vector<float>(basis[(k + 2) * inputs + n]), x, s2);
                    s3 = Vector.MultiplyAddEstimate(new Vector<float>(basis[(k + 3) * inputs + n]), x, s3);
                }
                s0.CopyTo(output.Slice(k * frames + t, v));
                s1.CopyTo(output.Slice((k + 1) * frames + t, v));
                s2.CopyTo(output.Slice((k + 2) * frames + t, v));
                s3.CopyTo(output.Slice((k + 3) * frames + t, v));
            }
            for (; k < coefficients; k++)
            {
                Vector<float> s = default;
                for (int n = 0; n < inputs; n++)
                    s = Vector.MultiplyAddEstimate(new Vector<float>(basis[k * inputs + n]), new Vector<float>(input.Slice(n * frames + t, v)), s);
                s.CopyTo(output.Slice(k * frames + t, v));
            }
        }
        for (; t < end; t++) // the frames after the last full block, one at a time with the same arithmetic
        {
            for (int k = 0; k < coefficients; k++)
            {
                float s = 0;
                for (int n = 0; n < inputs; n++) s = float.MultiplyAddEstimate(basis[k * inputs + n], input[n * frames + t], s);
                output[k * frames + t] = s;
            }
        }
    }
}
