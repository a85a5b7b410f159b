using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>Standard normal noise handed out a few samples at a time but drawn in large blocks, so that the vectorised
/// <see cref="GaussianNoise.Fill"/> runs on long spans even when the renderer asks for 1 ms at a time.</summary>
internal sealed class NoiseReservoir(Generator random)
{
    private readonly float[] buffer = new float[4096];
    private int next = 4096;

    /// <summary>Copies the next <paramref name="destination"/>.Length samples of the stream.</summary>
    public void Take(Span<float> destination)
    {
        while (destination.Length > 0)
        {
            if (next == buffer.Length)
            {
                GaussianNoise.Fill(random, buffer);
                next = 0;
            }
            int count = Math.Min(destination.Length, buffer.Length - next);
            buffer.AsSpan(next, count).CopyTo(destination);
            next += count;
            destination = destination[count..];
        }
    }
}
