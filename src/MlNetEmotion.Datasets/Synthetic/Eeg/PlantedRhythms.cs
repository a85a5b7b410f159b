namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// The band rhythms of the signal generator and the affect effects they carry, in natural-log power of each rhythm.
/// The bands are <see cref="SyntheticEegGenerator.Bands"/> (theta, alpha, beta, gamma) and the effects are those of the
/// band-power feature generator, placed by <see cref="ElectrodeRegion"/> so that they apply to any 10-20 layout.
/// </summary>
internal static class PlantedRhythms
{
    /// <summary>Number of rhythms (bands).</summary>
    public static int Count => SyntheticEegGenerator.BandCount;

    /// <summary>Power of a rhythm at log power 0, µV².</summary>
    public const double ReferencePower = 4;

    /// <summary>Resting log power (relative to <see cref="ReferencePower"/>): falling with frequency, with alpha
    /// strongest over the back of the head (θ 18, α 24 or 40 posterior, β 8.9, γ 4 µV²).</summary>
    public static double RestingLogPower(ElectrodeRegion region, int band) => band switch
    {
        0 => 1.5,
        1 => region.Posterior ? 2.3 : 1.8,
        2 => 0.8,
        _ => 0.0,
    };

    /// <summary>
    /// The planted effect in units of the effect size: arousal raises fronto-central beta (×1) and gamma (×0.6) and
    /// lowers posterior alpha (×0.7); valence raises right-frontal and lowers left-frontal alpha (×1 each).
    /// </summary>
    public static double Effect(ElectrodeRegion region, int band, AffectState affect)
    {
        bool frontal = region.Frontal || region.FrontoCentral;
        return band switch
        {
            1 => (region.Posterior ? -0.7 * affect.Arousal : 0) + (region.Frontal ? region.Side * affect.Valence : 0),
            2 => frontal ? affect.Arousal : 0,
            3 => frontal ? 0.6 * affect.Arousal : 0,
            _ => 0,
        };
    }

    /// <summary>−3 dB edges of a rhythm's filter: the band's edges (for alpha: the subject's individual alpha frequency
    /// −2 Hz to +3 Hz, 8–13 Hz at 10 Hz), each moved inside by 0.5 Hz or 6 % of the width, whichever is more, so that
    /// little of the rhythm spills into the neighbouring bands.</summary>
    public static (double Low, double High) PassBand(int band, double alphaFrequency)
    {
        var (_, low, high) = SyntheticEegGenerator.Bands[band];
        if (band == 1) (low, high) = (alphaFrequency - 2, alphaFrequency + 3);
        double inset = Math.Max(0.5, 0.06 * (high - low));
        return (low + inset, high - inset);
    }
}
