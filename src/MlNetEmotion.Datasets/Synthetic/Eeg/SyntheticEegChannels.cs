using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>The channel names and sampling rates of the <see cref="SyntheticEegLayout"/>s. Every name has a position in
/// the built-in <c>standard_1020</c> montage (<see cref="StandardMontages"/>), which the generator uses for its spatial
/// model.</summary>
public static class SyntheticEegChannels
{
    /// <summary>DEAP's 32 channels in the order of its preprocessed files (<see cref="DeapChannels.Names"/>).</summary>
    public static IReadOnlyList<string> Deap => DeapChannels.Names;

    /// <summary>
    /// EAV's 30 channels: the Brain Products actiCAP 32-channel standard layout in its cable order (Fp1, Fz, F3, F7, FT9,
    /// FC5, FC1, C3, T7, CP5, CP1, Pz, P3, P7, O1, Oz, O2, P4, P8, CP6, CP2, Cz, C4, T8, FT10, FC6, FC2, F4, F8, Fp2)
    /// without TP9 and TP10, the two mastoid positions that serve as reference and so carry no channel of their own.
    /// </summary>
    public static IReadOnlyList<string> Eav { get; } =
    [
        "Fp1", "Fz", "F3", "F7", "FT9", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "Pz", "P3", "P7", "O1",
        "Oz", "O2", "P4", "P8", "CP6", "CP2", "Cz", "C4", "T8", "FT10", "FC6", "FC2", "F4", "F8", "Fp2",
    ];

    /// <summary>The channels of a layout.</summary>
    /// <param name="layout">The layout.</param>
    public static IReadOnlyList<string> For(SyntheticEegLayout layout) => layout switch
    {
        SyntheticEegLayout.Deap => Deap,
        SyntheticEegLayout.Eav => Eav,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Expected Deap or Eav."),
    };

    /// <summary>The sampling rate of a layout in Hz: 128 for DEAP, 500 for EAV.</summary>
    /// <param name="layout">The layout.</param>
    public static double SamplingRate(SyntheticEegLayout layout) => layout switch
    {
        SyntheticEegLayout.Deap => 128,
        SyntheticEegLayout.Eav => 500,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Expected Deap or Eav."),
    };
}
