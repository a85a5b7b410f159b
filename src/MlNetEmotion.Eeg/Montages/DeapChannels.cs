namespace MlNetEmotion.Eeg.Montages;

/// <summary>The 32 EEG channels of the DEAP data set, in the order of its preprocessed files.</summary>
public static class DeapChannels
{
    /// <summary>Fp1, AF3, F3, F7, FC5, FC1, C3, T7, CP5, CP1, P3, P7, PO3, O1, Oz, Pz, Fp2, AF4, Fz, F4, F8,
    /// FC6, FC2, Cz, C4, T8, CP6, CP2, P4, P8, PO4, O2.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "P3", "P7", "PO3", "O1", "Oz", "Pz",
        "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8", "CP6", "CP2", "P4", "P8", "PO4", "O2",
    ];
}
