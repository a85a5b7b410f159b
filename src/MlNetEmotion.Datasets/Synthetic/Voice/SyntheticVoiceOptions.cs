namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>Settings of <see cref="SyntheticVoice"/>. Defaults give clean, EAV-like conversational speech.</summary>
public sealed class SyntheticVoiceOptions
{
    /// <summary>Sampling rate in Hz. Default 16000: the rate speech front ends (and the toolkit's MFCC presets) expect;
    /// the original EAV recordings' rate was not checked, resample with <c>mlContext.Transforms.Audio.Resample</c> if it differs.</summary>
    public int SampleRate { get; set; } = 16000;

    /// <summary>Ratio in dB of a neutral clip's speech RMS to the background noise RMS. The noise floor is fixed per
    /// subject (a room does not get quieter when the speaker shouts), so aroused, louder clips have a higher SNR.
    /// Default 30.</summary>
    public double NoiseSnrDb { get; set; } = 30;

    /// <summary>RMS level of a neutral clip's speech in dBFS (before the subject's own offset). Default −26 (a common
    /// active speech level).</summary>
    public double LevelDbfs { get; set; } = -26;

    /// <summary>Largest absolute sample value: a clip whose peak would exceed it is scaled down as a whole, so nothing
    /// ever clips. Default 0.9 (−0.9 dBFS of headroom).</summary>
    public double PeakLimit { get; set; } = 0.9;

    /// <summary>Cycle-to-cycle period perturbation (local jitter) in percent, the standard deviation of each glottal
    /// period's relative deviation. Default 0.5 (healthy voices stay under about 1 %).</summary>
    public double JitterPercent { get; set; } = 0.5;

    /// <summary>Cycle-to-cycle amplitude perturbation (local shimmer) in percent. Default 3 (healthy voices stay under
    /// about 3.8 %).</summary>
    public double ShimmerPercent { get; set; } = 3;

    /// <summary>Multiplier of every planted emotion effect (0 removes them, so only subject and text vary). Default 1.</summary>
    public double EffectSize { get; set; } = 1;

    internal void Validate()
    {
        if (SampleRate < 8000 || SampleRate > 192000)
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "SampleRate must be between 8000 and 192000 Hz (formants need a Nyquist frequency above 4 kHz).");
        Finite(nameof(NoiseSnrDb), NoiseSnrDb);
        if (!(LevelDbfs < 0) || !double.IsFinite(LevelDbfs))
            throw new ArgumentOutOfRangeException(nameof(LevelDbfs), LevelDbfs, "LevelDbfs must be a finite negative level in dBFS.");
        if (!(PeakLimit > 0 && PeakLimit <= 1))
            throw new ArgumentOutOfRangeException(nameof(PeakLimit), PeakLimit, "PeakLimit must be in (0, 1].");
        NonNegative(nameof(JitterPercent), JitterPercent, 10);
        NonNegative(nameof(ShimmerPercent), ShimmerPercent, 30);
        NonNegative(nameof(EffectSize), EffectSize, 3);
    }

    private static void Finite(string name, double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");
    }

    private static void NonNegative(string name, double value, double max)
    {
        if (!(value >= 0 && value <= max)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and {max}.");
    }
}
