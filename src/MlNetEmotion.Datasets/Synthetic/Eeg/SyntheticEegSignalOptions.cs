namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>Settings of <see cref="SyntheticEegSignals"/>. The defaults give a DEAP-shaped trial: 3 s of baseline and
/// 60 s of stimulus at 128 Hz (8064 samples), blinks, occasional muscle bursts and slow drift, no line noise.</summary>
public sealed class SyntheticEegSignalOptions
{
    /// <summary>Channel set and sampling rate. Default <see cref="SyntheticEegLayout.Deap"/>.</summary>
    public SyntheticEegLayout Layout { get; set; } = SyntheticEegLayout.Deap;

    /// <summary>Stimulus length in seconds, the part that carries the affect effects. Null (default) means the layout's:
    /// 60 s for DEAP, 20 s for EAV.</summary>
    public double? Seconds { get; set; }

    /// <summary>Pre-trial baseline in seconds, recorded before the stimulus and free of affect effects. Null (default)
    /// means the layout's: 3 s for DEAP, 0 for EAV.</summary>
    public double? BaselineSeconds { get; set; }

    /// <summary>Size of the planted affect effects: natural-log band power per unit of centred valence or arousal
    /// (0.35 ≈ 1.52 dB, the same as <see cref="SyntheticEegOptions.EffectSize"/>). Default 0.35.</summary>
    public double EffectSize { get; set; } = 0.35;

    /// <summary>Standard deviation of each trial's independent noise on every channel's and band's log rhythm power.
    /// Default 0.25.</summary>
    public double TrialNoise { get; set; } = 0.25;

    /// <summary>Scale of the per-subject differences (channel gains, individual alpha frequency, baseline band-power
    /// offsets); 0 makes every subject alike. Default 1.</summary>
    public double SubjectVariability { get; set; } = 1;

    /// <summary>Eye blinks per minute (Poisson); 0 turns them off. Default 12.</summary>
    public double BlinkRate { get; set; } = 12;

    /// <summary>Muscle bursts per minute (Poisson); 0 turns them off. Default 2.</summary>
    public double MuscleRate { get; set; } = 2;

    /// <summary>Standard deviation of the slow drift's change over each 2 s, µV (a smoothed random walk); 0 turns it
    /// off. Default 3.</summary>
    public double Drift { get; set; } = 3;

    /// <summary>Mean amplitude of power-line interference, µV (each channel gets 0.5–1.5 times this); 0 (default) turns
    /// it off.</summary>
    public double LineNoise { get; set; }

    /// <summary>Power-line frequency in Hz, below half the sampling rate. Default 50.</summary>
    public double LineFrequency { get; set; } = 50;

    /// <summary>The stimulus length in effect: <see cref="Seconds"/> or the layout's default.</summary>
    internal double StimulusSeconds => Seconds ?? (Layout == SyntheticEegLayout.Deap ? 60 : 20);

    /// <summary>The baseline length in effect: <see cref="BaselineSeconds"/> or the layout's default.</summary>
    internal double BaselineSecondsOrDefault => BaselineSeconds ?? (Layout == SyntheticEegLayout.Deap ? 3 : 0);

    /// <summary>A copy with the layout and trial timing a corpus prescribes; the caller's options stay unchanged.</summary>
    internal SyntheticEegSignalOptions For(SyntheticEegLayout layout, double seconds, double baselineSeconds)
    {
        var copy = (SyntheticEegSignalOptions)MemberwiseClone();
        (copy.Layout, copy.Seconds, copy.BaselineSeconds) = (layout, seconds, baselineSeconds);
        return copy;
    }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception names it.</exception>
    internal void Validate()
    {
        if (!Enum.IsDefined(Layout)) throw new ArgumentOutOfRangeException(nameof(Layout), Layout, "Expected Deap or Eav.");
        double rate = SyntheticEegChannels.SamplingRate(Layout);
        if (!(StimulusSeconds * rate >= 1) || !double.IsFinite(StimulusSeconds))
            throw new ArgumentOutOfRangeException(nameof(Seconds), Seconds, $"The stimulus must last at least one sample (1/{rate} s) and be finite.");
        foreach (var (name, value) in new[] { (nameof(BaselineSeconds), BaselineSecondsOrDefault), (nameof(EffectSize), EffectSize),
                     (nameof(TrialNoise), TrialNoise), (nameof(SubjectVariability), SubjectVariability), (nameof(BlinkRate), BlinkRate),
                     (nameof(MuscleRate), MuscleRate), (nameof(Drift), Drift), (nameof(LineNoise), LineNoise) })
            if (!(value >= 0) || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative.");
        if (!(LineFrequency > 0 && LineFrequency < rate / 2))
            throw new ArgumentOutOfRangeException(nameof(LineFrequency), LineFrequency, $"The line frequency must lie between 0 and {rate / 2} Hz (half the sampling rate).");
    }
}
