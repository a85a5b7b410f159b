using System.Numerics.Tensors;

namespace MlNetEmotion.Signals;

/// <summary>Input checks shared by the public DSP entry points.</summary>
internal static class SampleGuard
{
    /// <summary>Throws <see cref="NonFiniteSampleException"/> at the first NaN or infinity in <paramref name="samples"/>.</summary>
    public static void EnsureFinite(ReadOnlySpan<double> samples, string paramName)
    {
        // Sum of x*0 is 0 for finite input and NaN as soon as one sample is NaN or infinite: a cheap vectorised pre-check.
        if (!double.IsNaN(TensorPrimitives.Sum(samples) * 0.0))
        {
            return;
        }

        for (int i = 0; i < samples.Length; i++)
        {
            if (!double.IsFinite(samples[i]))
            {
                throw new NonFiniteSampleException(paramName, i, samples[i]);
            }
        }
    }
}
