using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>
/// A synthetic speaker's identity, drawn once per (seed, subject) and constant across that subject's clips: half the
/// subjects have female-like voices (base F0 about 210 Hz, vocal tract about 15 % shorter, so formants about 17 % higher),
/// half male-like (about 115 Hz); each also has an own speaking rate, pitch range, breathiness, voice quality and
/// recording level. These differences are larger than the emotion effects, so a classifier trained on other speakers
/// does clearly worse than one trained on the same speaker.
/// </summary>
/// <param name="Female">Whether the voice is female-like.</param>
/// <param name="BaseF0">Mean F0 of neutral speech in Hz.</param>
/// <param name="VocalTractScale">Factor on the adult-male formant targets (vocal-tract length ratio, male ≈ 1).</param>
/// <param name="SpeakingRate">Syllables per second of speech (pauses excluded) when neutral.</param>
/// <param name="PitchRange">Height of pitch accents in semitones when neutral.</param>
/// <param name="Breathiness">Aspiration-noise amplitude relative to the glottal flow's peak.</param>
/// <param name="OpenQuotient">Fraction of the glottal cycle the glottis is open when neutral (higher: softer, darker voice).</param>
/// <param name="LevelOffsetDb">The subject's recording level relative to <see cref="SyntheticVoiceOptions.LevelDbfs"/>.</param>
public sealed record SyntheticVoiceProfile(bool Female, double BaseF0, double VocalTractScale, double SpeakingRate,
    double PitchRange, double Breathiness, double OpenQuotient, double LevelOffsetDb)
{
    /// <summary>The profile of <paramref name="subject"/> in the corpus of <paramref name="seed"/>.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number.</param>
    public static SyntheticVoiceProfile For(int seed, int subject)
    {
        var g = new Generator(SyntheticSeed.For(seed, subject, 0, SyntheticSeed.Stream.Voice));
        bool female = g.NextDouble() < 0.5;
        double Spread(double std) => Math.Exp(std * Math.Clamp(g.NextNormal(), -2.5, 2.5));
        return new SyntheticVoiceProfile(
            Female: female,
            BaseF0: (female ? 210 : 115) * Spread(0.1),
            VocalTractScale: (female ? 1.17 : 1.0) * Spread(0.05),
            SpeakingRate: 4.2 * Spread(0.12),
            PitchRange: 3 * Spread(0.2),
            Breathiness: (female ? 0.006 : 0.004) * Spread(0.3),
            OpenQuotient: Math.Clamp((female ? 0.65 : 0.6) + 0.05 * g.NextNormal(), 0.45, 0.8),
            LevelOffsetDb: 2 * Math.Clamp(g.NextNormal(), -2.5, 2.5));
    }
}
