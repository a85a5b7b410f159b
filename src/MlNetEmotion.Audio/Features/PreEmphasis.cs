namespace MlNetEmotion.Audio.Features;

/// <summary>Whole-signal pre-emphasis <c>y[t] = x[t] − c·x[t−1]</c>, <c>y[0] = x[0]</c>
/// (<c>torchaudio.functional.preemphasis</c>). Kaldi's per-frame variant is <see cref="SpectrogramOptions.PreEmphasis"/>.</summary>
public static class PreEmphasis
{
    /// <summary>Returns the pre-emphasised signal.</summary>
    /// <param name="signal">Samples.</param>
    /// <param name="coefficient">Coefficient <c>c</c>, typically 0.97.</param>
    public static float[] Apply(ReadOnlySpan<float> signal, double coefficient = 0.97)
    {
        var y = new float[signal.Length];
        for (int t = signal.Length - 1; t > 0; t--) y[t] = (float)(signal[t] - coefficient * signal[t - 1]);
        if (signal.Length > 0) y[0] = signal[0];
        return y;
    }
}
