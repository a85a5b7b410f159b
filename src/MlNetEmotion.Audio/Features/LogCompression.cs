using System.Numerics.Tensors;

namespace MlNetEmotion.Audio.Features;

/// <summary>Log compression of filter energies: per-value log, then the whole-spectrogram top-dB clamp.</summary>
internal static class LogCompression
{
    /// <summary>Compresses <paramref name="values"/> in place, one frame's filter energies.</summary>
    public static void Apply(Span<float> values, LogMelOptions o)
    {
        if (o.LogScale == LogScale.Natural)
        {
            TensorPrimitives.Max(values, (float)o.LogFloor, values);
            TensorPrimitives.Log(values, values);
            return;
        }
        float offset = (float)(o.DecibelMultiplier * Math.Log10(Math.Max(o.Amin, o.Reference)));
        TensorPrimitives.Max(values, (float)o.Amin, values);
        TensorPrimitives.Log10(values, values);
        TensorPrimitives.Multiply(values, (float)o.DecibelMultiplier, values);
        TensorPrimitives.Subtract(values, offset, values);
    }

    /// <summary>Raises every value below <c>max − TopDb</c> to it (decibels only, when TopDb is set).</summary>
    public static void ClampTopDb(Span<float> all, LogMelOptions o)
    {
        if (o.LogScale != LogScale.Decibels || o.TopDb is not double topDb) return;
        float floor = (float)(TensorPrimitives.Max<float>(all) - topDb);
        TensorPrimitives.Max(all, floor, all);
    }
}
