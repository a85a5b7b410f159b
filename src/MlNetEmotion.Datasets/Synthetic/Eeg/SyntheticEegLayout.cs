namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>Which corpus a synthetic EEG recording imitates: channel set and sampling rate
/// (<see cref="SyntheticEegChannels"/>).</summary>
public enum SyntheticEegLayout
{
    /// <summary>DEAP: 32 channels in DEAP's Biosemi-32 order at 128 Hz (its preprocessed files).</summary>
    Deap,

    /// <summary>EAV: 30 channels of the 10-20 system at 500 Hz.</summary>
    Eav,
}
