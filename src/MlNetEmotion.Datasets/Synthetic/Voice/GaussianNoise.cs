using System.Numerics.Tensors;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>Fills buffers with standard normal noise: uniform draws from the seeded generator, then the Box–Muller
/// transform vectorised over blocks (one draw pair gives the cosine and the sine branch).</summary>
internal static class GaussianNoise
{
    private const int Block = 256;

    public static void Fill(Generator generator, Span<float> destination)
    {
        Span<float> cos = stackalloc float[Block];
        for (int start = 0; start < destination.Length; start += 2 * Block)
        {
            int half = Math.Min(Block, (destination.Length - start) / 2);
            if (half == 0) // one sample left
            {
                destination[start] = (float)generator.NextNormal();
                break;
            }
            var radius = destination.Slice(start, half);
            var angle = destination.Slice(start + half, half);
            for (int i = 0; i < half; i++)
            {
                radius[i] = 1f - generator.NextFloat();   // (0, 1]: the logarithm stays finite
                angle[i] = 2f * generator.NextFloat();    // turns × 2, for CosPi / SinPi
            }
            TensorPrimitives.Log(radius, radius);
            TensorPrimitives.Multiply(radius, -2f, radius);
            TensorPrimitives.Sqrt(radius, radius);
            var c = cos[..half];
            TensorPrimitives.CosPi(angle, c);
            TensorPrimitives.SinPi(angle, angle);
            TensorPrimitives.Multiply(angle, radius, angle);
            TensorPrimitives.Multiply(radius, c, radius);
        }
    }
}
