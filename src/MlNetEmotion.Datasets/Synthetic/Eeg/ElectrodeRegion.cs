namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Where a 10-20 electrode sits, read from its name: the letters give the region (Fp/AF/F frontal, FC fronto-central,
/// P/PO/O posterior; anything else, e.g. C, T, CP, FT, TP, none of these), the ending the side (odd number left, even
/// number right, z midline).
/// </summary>
/// <param name="Frontal">Fp, AF or F electrode.</param>
/// <param name="FrontoCentral">FC electrode.</param>
/// <param name="Posterior">P, PO or O electrode.</param>
/// <param name="Side">−1 left, 0 midline, +1 right.</param>
internal readonly record struct ElectrodeRegion(bool Frontal, bool FrontoCentral, bool Posterior, int Side)
{
    /// <summary>The region of a 10-20 name such as <c>Fp1</c>, <c>FCz</c> or <c>FT10</c>.</summary>
    public static ElectrodeRegion Of(string name)
    {
        int digits = name.Length;
        while (digits > 0 && char.IsAsciiDigit(name[digits - 1])) digits--;
        bool midline = digits == name.Length && name[^1] is 'z' or 'Z';
        string letters = (midline ? name[..^1] : name[..digits]).ToUpperInvariant();
        int side = digits == name.Length ? 0 : (name[^1] - '0') % 2 == 1 ? -1 : 1;
        return new ElectrodeRegion(
            Frontal: letters is "FP" or "AF" or "F",
            FrontoCentral: letters is "FC",
            Posterior: letters is "P" or "PO" or "O",
            Side: side);
    }
}
