namespace MlNetEmotion.Audio.Features;

/// <summary>Energy-based trimming of leading and trailing silence, as <c>librosa.effects.trim</c>: frames whose RMS is
/// more than <c>topDb</c> below the loudest frame's are silent; the kept span runs from the first non-silent frame's
/// start to the end of the last non-silent frame.</summary>
public static class SilenceTrimmer
{
    /// <summary>Finds the non-silent span.</summary>
    /// <param name="signal">Mono samples.</param>
    /// <param name="topDb">Threshold below the loudest frame in dB. Default 60.</param>
    /// <param name="frameLength">RMS frame length in samples. Default 2048.</param>
    /// <param name="hopLength">Hop between RMS frames. Default 512.</param>
    /// <returns>Start (inclusive) and end (exclusive) sample; (0, 0) when everything is silent.</returns>
    public static (int Start, int End) FindSpan(ReadOnlySpan<float> signal, double topDb = 60, int frameLength = 2048, int hopLength = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hopLength, 1);
        if (signal.IsEmpty) return (0, 0);
        // Centred frames with zero padding (librosa.feature.rms(center=True)).
        int pad = frameLength / 2, frames = 1 + signal.Length / hopLength;
        var meanSquare = new double[frames];
        for (int t = 0; t < frames; t++)
        {
            double sum = 0;
            int from = t * hopLength - pad;
            for (int i = Math.Max(0, from); i < Math.Min(signal.Length, from + frameLength); i++) sum += (double)signal[i] * signal[i];
            meanSquare[t] = sum / frameLength;
        }
        double max = meanSquare.Max();
        if (max <= 0) return (0, 0);
        double threshold = max * Math.Pow(10, -topDb / 10); // 10·log10(ms / max) > −topDb
        int first = Array.FindIndex(meanSquare, v => v > threshold), last = Array.FindLastIndex(meanSquare, v => v > threshold);
        return (Math.Min(first * hopLength, signal.Length), Math.Min(signal.Length, (last + 1) * hopLength));
    }

    /// <summary>Returns the signal without leading and trailing silence.</summary>
    /// <param name="signal">Mono samples.</param>
    /// <param name="topDb">Threshold below the loudest frame in dB. Default 60.</param>
    /// <param name="frameLength">RMS frame length in samples. Default 2048.</param>
    /// <param name="hopLength">Hop between RMS frames. Default 512.</param>
    public static float[] Trim(ReadOnlySpan<float> signal, double topDb = 60, int frameLength = 2048, int hopLength = 512)
    {
        var (start, end) = FindSpan(signal, topDb, frameLength, hopLength);
        return signal[start..end].ToArray();
    }
}
