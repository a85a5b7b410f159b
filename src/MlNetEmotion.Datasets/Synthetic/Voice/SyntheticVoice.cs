using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>
/// Speech-like audio for the synthetic EAV-shaped corpus: a Klatt-style source–filter synthesiser (Rosenberg glottal
/// pulses with jitter, shimmer and aspiration noise; cascade formant resonators gliding through a random sequence of
/// vowels; fricative and stop-burst noise; lip radiation; a constant background noise floor) speaking pseudo-words in
/// phrases. Planted effects:
/// <list type="bullet">
/// <item>Speaker (from seed and subject, <see cref="SyntheticVoiceProfile"/>): female- or male-like base F0, vocal-tract
/// length (formant scale), speaking rate, pitch range, breathiness, open quotient, recording level.</item>
/// <item>Arousal a: mean F0 +4·a semitones, pitch accents ×(1 + 0.5·a), level +6·a dB, syllable rate ×(1 + 0.2·a) with
/// pauses ×(1 − 0.3·a), a tenser, brighter voice (open quotient −0.1·a, breathiness ×(1 − 0.3·a)).</item>
/// <item>Valence v: phrase F0 slope −2 + 1.5·v semitones per second, mean F0 +0.7·v semitones, formants ×(1 + 0.04·v).</item>
/// <item>Trial: the text (vowels, consonants, phrase lengths, accents), jitter, shimmer and noise, and small prosodic
/// variation (level ±1.5 dB, mean F0 ±0.7 semitones, rate ±5 %, standard deviations).</item>
/// </list>
/// Effects scale with <see cref="SyntheticVoiceOptions.EffectSize"/>; mean F0 stays within 60–450 Hz. Levels are calibrated, not peak-normalised, so the
/// loudness cue survives: the speech's RMS is set to <see cref="SyntheticVoiceOptions.LevelDbfs"/> plus the speaker's
/// offset and the arousal effect, the noise floor sits <see cref="SyntheticVoiceOptions.NoiseSnrDb"/> below the speaker's
/// neutral level, and only a clip whose peak would pass <see cref="SyntheticVoiceOptions.PeakLimit"/> is scaled down.
/// Same arguments, bit-identical samples, whatever the call order or thread.
/// </summary>
public static class SyntheticVoice
{
    /// <summary>Synthesises one clip.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number: fixes the voice (<see cref="SyntheticVoiceProfile.For"/>).</param>
    /// <param name="trial">Trial number: fixes the text and the noise.</param>
    /// <param name="affect">The state the speaker expresses; both components in [−1, 1].</param>
    /// <param name="seconds">Duration; EAV's clips are 20 s.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The affect or duration is out of range, or an option is invalid.</exception>
    public static SyntheticVoiceClip Synthesize(int seed, int subject, int trial, AffectState affect, double seconds, SyntheticVoiceOptions? options = null)
    {
        options ??= new SyntheticVoiceOptions();
        options.Validate();
        if (!(Math.Abs(affect.Valence) <= 1) || !(Math.Abs(affect.Arousal) <= 1))
            throw new ArgumentOutOfRangeException(nameof(affect), affect, "Valence and arousal must both be in [-1, 1].");
        int samples = SampleCount(seconds, options);
        var profile = SyntheticVoiceProfile.For(seed, subject);
        // Offset from the profile's stream, so that trial 0 does not replay the speaker's draws.
        var random = new Generator(SyntheticSeed.For(seed, subject, trial, SyntheticSeed.Stream.Voice) + (1L << 32));
        var prosody = VoiceProsody.From(profile, affect, options.EffectSize, random);
        var track = UtterancePlanner.Plan(prosody, samples, options.SampleRate, random, out int syllables);
        return Render(track, random, options, profile, prosody.MeanF0, prosody.PitchRange, syllables, prosody.LevelDb);
    }

    /// <summary>A steady vowel at the speaker's neutral F0, voice quality and formants, with the same noise floor: the
    /// reference signal for pitch and formant checks.</summary>
    internal static SyntheticVoiceClip SustainedVowel(int seed, int subject, string vowel, double seconds, SyntheticVoiceOptions? options = null)
    {
        options ??= new SyntheticVoiceOptions();
        options.Validate();
        int samples = SampleCount(seconds, options);
        var profile = SyntheticVoiceProfile.For(seed, subject);
        var v = VowelFormants.Table[VowelFormants.IndexOf(vowel)];
        double scale = profile.VocalTractScale;
        var track = VoiceTrack.Sustained(samples, options.SampleRate, profile.BaseF0, [v.F1 * scale, v.F2 * scale, v.F3 * scale],
            [VowelFormants.Upper[0] * scale, VowelFormants.Upper[1] * scale], profile.OpenQuotient, profile.Breathiness);
        var random = new Generator(SyntheticSeed.For(seed, subject, 0, SyntheticSeed.Stream.Voice) + (2L << 32));
        return Render(track, random, options, profile, profile.BaseF0, 0, 1, profile.LevelOffsetDb);
    }

    private static int SampleCount(double seconds, SyntheticVoiceOptions options)
    {
        double samples = seconds * options.SampleRate;
        if (!(samples >= 1) || !(seconds <= 3600))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"The duration must give at least one sample at {options.SampleRate} Hz and be at most 3600 s.");
        return (int)Math.Round(samples);
    }

    /// <summary>Renders the track, sets the speech level, adds the noise floor and keeps the peak under the limit.</summary>
    private static SyntheticVoiceClip Render(VoiceTrack track, Generator random, SyntheticVoiceOptions options,
        SyntheticVoiceProfile profile, double meanF0, double pitchRange, int syllables, double levelDb)
    {
        int n = track.Samples;
        var samples = new float[n];
        VoiceRenderer.Render(track, random, options.JitterPercent / 100, options.ShimmerPercent / 100, samples);
        double rms = Math.Sqrt(TensorPrimitives.SumOfSquares<float>(samples) / n);
        double speechDb = options.LevelDbfs + levelDb;
        if (rms > 0) TensorPrimitives.Multiply(samples, (float)(Math.Pow(10, speechDb / 20) / rms), samples);
        else speechDb = double.NegativeInfinity;

        var noise = ArrayPool<float>.Shared.Rent(n);
        GaussianNoise.Fill(random, noise.AsSpan(0, n));
        double noiseRms = Math.Pow(10, (options.LevelDbfs + profile.LevelOffsetDb - options.NoiseSnrDb) / 20);
        TensorPrimitives.MultiplyAdd(noise.AsSpan(0, n), (float)noiseRms, samples, samples);
        ArrayPool<float>.Shared.Return(noise);

        float peak = Math.Abs(TensorPrimitives.MaxMagnitude<float>(samples)); // MaxMagnitude keeps the sign
        if (peak > options.PeakLimit)
        {
            // Scale in double and clamp: float rounding must not leave a sample a hair above the limit.
            double gain = options.PeakLimit / peak;
            for (int i = 0; i < n; i++) samples[i] = (float)Math.Clamp(samples[i] * gain, -options.PeakLimit, options.PeakLimit);
            speechDb += 20 * Math.Log10(gain);
        }
        return new SyntheticVoiceClip(samples, options.SampleRate, profile)
        {
            MeanF0 = meanF0, PitchRange = pitchRange, Syllables = syllables, SpeechRmsDbfs = speechDb,
        };
    }
}
