namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>Formant targets of nine English monophthongs: the adult-male averages of Peterson &amp; Barney (1952),
/// in Hz. A speaker's formants are these times their vocal-tract scale (about 1.17 for adult women, whose vocal tracts
/// are shorter).</summary>
internal static class VowelFormants
{
    /// <summary>IPA symbol and F1, F2, F3 of each vowel.</summary>
    public static readonly (string Symbol, double F1, double F2, double F3)[] Table =
    [
        ("i", 270, 2290, 3010),
        ("ɪ", 390, 1990, 2550),
        ("ɛ", 530, 1840, 2480),
        ("æ", 660, 1720, 2410),
        ("ɑ", 730, 1090, 2440),
        ("ɔ", 570, 840, 2410),
        ("ʊ", 440, 1020, 2240),
        ("u", 300, 870, 2240),
        ("ʌ", 640, 1190, 2390),
    ];

    /// <summary>Bandwidths of F1–F5 in Hz (Klatt 1980's defaults: 60, 90, 150, 250 and 200, F1 widened to 80 for
    /// the losses of a partly open glottis).</summary>
    public static readonly double[] Bandwidths = [80, 90, 150, 250, 200];

    /// <summary>The fixed upper formants F4, F5 of an adult male in Hz (Klatt 1980: 3300, 3750), scaled like F1–F3.</summary>
    public static readonly double[] Upper = [3300, 3750];

    /// <summary>Index of a vowel by its IPA symbol.</summary>
    /// <exception cref="ArgumentException">The symbol is not in the table.</exception>
    public static int IndexOf(string symbol)
    {
        for (int i = 0; i < Table.Length; i++)
            if (Table[i].Symbol == symbol) return i;
        throw new ArgumentException($"'{symbol}' is not one of the vowels {string.Join(", ", Table.Select(v => v.Symbol))}.", nameof(symbol));
    }
}
