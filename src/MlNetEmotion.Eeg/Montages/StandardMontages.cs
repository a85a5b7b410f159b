using MlNetEmotion.Eeg.Montages.BuiltIn;

namespace MlNetEmotion.Eeg.Montages;

/// <summary>The built-in montages, as MNE's <c>make_standard_montage(name)</c> returns them (MNE 1.3 data files,
/// BSD-3-Clause): <c>standard_1020</c> and <c>standard_1005</c> in fsaverage MRI coordinates (millimetres in the
/// file, unscaled, fsaverage fiducials), <c>biosemi16/32/64</c> from theta/phi on a 0.095 m sphere.</summary>
public static class StandardMontages
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["standard_1020", "standard_1005", "biosemi16", "biosemi32", "biosemi64"];

    /// <summary>Creates a built-in montage by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static Montage Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "standard_1020" => Standard("standard_1020", BuiltInMontageFiles.Standard1020),
            "standard_1005" => Standard("standard_1005", BuiltInMontageFiles.Standard1005),
            "biosemi16" => Biosemi("biosemi16", BuiltInMontageFiles.Biosemi16),
            "biosemi32" => Biosemi("biosemi32", BuiltInMontageFiles.Biosemi32),
            "biosemi64" => Biosemi("biosemi64", BuiltInMontageFiles.Biosemi64),
            _ => throw new ArgumentException($"Unknown montage '{name}'; expected one of {string.Join(", ", Names)}, or a .elc/.txt/.sfp file.", nameof(name)),
        };
    }

    /// <summary>A built-in montage by name, or else the montage file at that path (<see cref="MontageReader.Read"/>).</summary>
    public static Montage CreateOrRead(string nameOrPath) =>
        Names.Contains(nameOrPath, StringComparer.OrdinalIgnoreCase) ? Create(nameOrPath) : MontageReader.Read(nameOrPath);

    // MNE ignores the file's unit and divides by 1000; coordinates are fsaverage MRI, so MNE swaps in its fiducials.
    private static Montage Standard(string name, string text) =>
        MontageReader.ReadElc(new StringReader(text), name, headRadius: null, millimetresIgnoringUnit: true, CoordinateFrame.Mri, Fiducials.Fsaverage);

    private static Montage Biosemi(string name, string text) =>
        MontageReader.ReadThetaPhi(new StringReader(text), name, MontageReader.DefaultHeadRadius);
}
