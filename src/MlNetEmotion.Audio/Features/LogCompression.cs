namespace MlNetEmotion.Audio.Features;

/// <summary>Log compression of filter energies: per-value log, then the whole-spectrogram top-dB clamp.</summary>
internal static class LogCompression
{
    /// <summary>Compresses <paramref name="values"/> in place, one frame's filter energies.</summary>
    public static void Apply(Span<double> values, LogMelOptions o)
    {
        if (o.LogScale == LogScale.Natural)
        {
            for (int i = 0; i < values.Length; i++) values[i] = Math.Log(Math.Max(values[i], o.LogFloor));
            return;
        }
        double offset = o.DecibelMultiplier * Math.Log10(Math.Max(o.Amin, o.Reference));
        for (int i = 0; i < values.Length; i++) values[i] = o.DecibelMultiplier * Math.Log10(Math.Max(values[i], o.Amin)) - offset;
    }

    /// <summary>Raises every value below <c>max − TopDb</c> to it (decibels only, when TopDb is set).</summary>
    public static void ClampTopDb(Span<float> all, LogMelOptions o)
    {
        if (o.LogScale != LogScale.Decibels || o.TopDb is not double topDb) return;
        float floor = (float)(System.Numerics.Tensors.TensorPrimitives.Max<float>(all) - topDb);
        System.Numerics.Tensors.TensorPrimitives.Max(all, floor, all);
    }
}
