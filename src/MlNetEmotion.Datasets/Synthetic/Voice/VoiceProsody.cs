using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>
/// How a clip's affect moves a speaker's prosody and voice (planted effects, each times
/// <see cref="SyntheticVoiceOptions.EffectSize"/> k, valence v and arousal a in [−1, 1]), after the vocal-emotion
/// findings summarised by Scherer (2003) and Juslin &amp; Laukka (2003): arousal raises mean F0 (4·a·k semitones),
/// widens pitch accents (×(1 + 0.5·a·k)), raises the level (6·a·k dB), speeds up speech (×(1 + 0.2·a·k) syllables per
/// second, pauses ×(1 − 0.3·a·k)) and tenses the voice (open quotient − 0.1·a·k, less breathiness: a brighter source
/// spectrum); valence tilts each phrase's F0 line (declination −2 + 1.5·v·k semitones per second, so positive clips fall
/// less or rise), raises F0 slightly (0.7·v·k semitones) and brightens the formants (×(1 + 0.04·v·k), as smiling
/// shortens the vocal tract). On top, each trial varies a little, as a speaker never says two things alike: level
/// ±1.5 dB, mean F0 ±0.7 semitones and speaking rate ±5 % (standard deviations). Mean F0 stays within 60–450 Hz
/// however large the effect size.
/// </summary>
internal readonly record struct VoiceProsody(double MeanF0, double PitchRange, double Declination, double LevelDb,
    double SyllableRate, double PauseScale, double FormantScale, double OpenQuotient, double Breathiness)
{
    public static VoiceProsody From(SyntheticVoiceProfile profile, AffectState affect, double effectSize, Generator trial)
    {
        double a = affect.Arousal * effectSize, v = affect.Valence * effectSize;
        double levelNoise = 1.5 * Bounded(trial), f0Noise = 0.7 * Bounded(trial), rateNoise = Math.Exp(0.05 * Bounded(trial));
        return new VoiceProsody(
            MeanF0: Math.Clamp(profile.BaseF0 * Math.Pow(2, (4 * a + 0.7 * v + f0Noise) / 12), 60, 450),
            PitchRange: profile.PitchRange * Math.Max(0.2, 1 + 0.5 * a),
            Declination: -2 + 1.5 * v,
            LevelDb: profile.LevelOffsetDb + 6 * a + levelNoise,
            SyllableRate: profile.SpeakingRate * Math.Max(0.4, 1 + 0.2 * a) * rateNoise,
            PauseScale: Math.Max(0.2, 1 - 0.3 * a),
            FormantScale: profile.VocalTractScale * (1 + 0.04 * v),
            OpenQuotient: Math.Clamp(profile.OpenQuotient - 0.1 * a, 0.3, 0.9),
            Breathiness: profile.Breathiness * Math.Max(0.2, 1 - 0.3 * a));
    }

    private static double Bounded(Generator random) => Math.Clamp(random.NextNormal(), -2.5, 2.5);
}
