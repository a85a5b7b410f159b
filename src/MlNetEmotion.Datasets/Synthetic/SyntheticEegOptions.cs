namespace MlNetEmotion.Datasets.Synthetic;

/// <summary>Settings of the built-in synthetic EEG corpus (DEAP-shaped: 32 Biosemi-32 channels at 128 Hz,
/// valence/arousal self-reports on 1..9). Defaults are DEAP's size.</summary>
public sealed class SyntheticEegOptions
{
    /// <summary>Number of subjects. Default 32.</summary>
    public int Subjects { get; set; } = 32;

    /// <summary>Trials per subject. Default 40.</summary>
    public int TrialsPerSubject { get; set; } = 40;

    /// <summary>Sampling rate of the (virtual) recording in Hz. Default 128.</summary>
    public double SamplingRate { get; set; } = 128;

    /// <summary>Standard deviation of the per-subject offset added to every log band power. Default 0.3.</summary>
    public double SubjectOffsetStd { get; set; } = 0.3;

    /// <summary>Standard deviation of the per-subject, per-channel offset of log band power. Default 0.15.</summary>
    public double SubjectChannelStd { get; set; } = 0.15;

    /// <summary>Standard deviation of trial-to-trial noise on each log band power. Default 0.25.</summary>
    public double TrialNoiseStd { get; set; } = 0.25;

    /// <summary>Standard deviation of the noise between the true (driving) rating and the reported one. Default 0.8.</summary>
    public double LabelNoiseStd { get; set; } = 0.8;

    /// <summary>Size of the planted effects in log power per unit of scaled rating (rating − 5) / 4. Default 0.35.</summary>
    public double EffectSize { get; set; } = 0.35;

    /// <summary>Seed; the same seed gives the same corpus. Default 42.</summary>
    public int Seed { get; set; } = 42;

    internal void Validate()
    {
        if (Subjects < 1) throw new ArgumentOutOfRangeException(nameof(Subjects), Subjects, "At least one subject is required.");
        if (TrialsPerSubject < 1) throw new ArgumentOutOfRangeException(nameof(TrialsPerSubject), TrialsPerSubject, "At least one trial per subject is required.");
        if (!(SamplingRate > 0)) throw new ArgumentOutOfRangeException(nameof(SamplingRate), SamplingRate, "The sampling rate must be positive.");
        foreach (var (name, value) in new[] { (nameof(SubjectOffsetStd), SubjectOffsetStd), (nameof(SubjectChannelStd), SubjectChannelStd),
                     (nameof(TrialNoiseStd), TrialNoiseStd), (nameof(LabelNoiseStd), LabelNoiseStd), (nameof(EffectSize), EffectSize) })
            if (!(value >= 0) || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative.");
    }
}
