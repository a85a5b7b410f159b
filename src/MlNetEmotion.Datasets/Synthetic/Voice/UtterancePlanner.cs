using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>
/// Plans a clip of pseudo-speech: phrases of 3–8 syllables separated by pauses of 0.2–0.5 s. Each syllable is an onset
/// (a voiceless fricative /s/ or /ʃ/ as band-passed noise, a stop as a silent closure and a 15 ms burst, or a weakly
/// voiced sonorant) and a vowel nucleus from <see cref="VowelFormants"/>, voiced with 15 ms raised-cosine edges; formants
/// hold their targets over the middle 60 % of the nucleus and glide between vowels. F0 follows a declination line per
/// phrase with pitch accents on about a third of the syllables, cosine-interpolated between syllable centres, and is
/// scaled so that voiced time averages the requested mean F0.
/// </summary>
internal static class UtterancePlanner
{
    private static readonly double[] FricativeHz = [5000, 2800];     // /s/, /ʃ/
    private static readonly double[] BurstHz = [1200, 4000, 2000];   // /p/, /t/, /k/

    /// <summary>The control track of one clip and the number of syllables it holds.</summary>
    public static VoiceTrack Plan(VoiceProsody prosody, int samples, int sampleRate, Generator random, out int syllables)
    {
        double[] upper = [VowelFormants.Upper[0] * prosody.FormantScale, VowelFormants.Upper[1] * prosody.FormantScale];
        var track = new VoiceTrack(samples, sampleRate, upper, prosody.OpenQuotient, prosody.Breathiness);
        var pitch = new List<(double, double)>();
        List<(double, double)>[] formants = [[], [], []];
        double end = (double)samples / sampleRate - 0.05, t = 0.1 + 0.2 * random.NextDouble();
        int vowel = -1;
        syllables = 0;
        while (t < end)
        {
            long count = random.NextInt64(3, 9);
            double phraseStart = t, phraseOffset = 0.5 * random.NextNormal();
            for (int s = 0; s < count; s++)
            {
                double duration = Math.Clamp(Math.Exp(0.15 * random.NextNormal()), 0.6, 1.6) / prosody.SyllableRate;
                if (t + duration > end) { t = end; break; }
                double nucleus = Onset(track, t, duration, random), nucleusEnd = t + 0.92 * duration;
                bool accent = random.NextDouble() < 0.35;
                track.Raise(track.Voicing, nucleus, nucleusEnd, 0.015, (accent ? 1.4 : 1.0) * (1 - 0.04 * s));
                double centre = 0.5 * (nucleus + nucleusEnd);
                double lift = accent ? prosody.PitchRange * (0.6 + 0.4 * random.NextDouble()) : 0.3 * random.NextNormal();
                pitch.Add((centre, phraseOffset + prosody.Declination * (centre - phraseStart) + lift));
                vowel = (vowel + 1 + (int)random.NextInt64(0, VowelFormants.Table.Length - 1)) % VowelFormants.Table.Length;
                double steady = 0.2 * (nucleusEnd - nucleus);
                AddTargets(formants, nucleus + steady, vowel, prosody.FormantScale);
                AddTargets(formants, nucleusEnd - steady, vowel, prosody.FormantScale);
                syllables++;
                t += duration;
            }
            t += (0.2 + 0.3 * random.NextDouble()) * prosody.PauseScale;
        }
        for (int k = 0; k < 3; k++)
        {
            if (formants[k].Count == 0) formants[k].Add((0, VowelFormants.Table[4].F1 * prosody.FormantScale)); // silent clip: any vowel
            track.Interpolate(track.Formants[k], formants[k]);
        }
        SetF0(track, pitch, prosody.MeanF0);
        return track;
    }

    /// <summary>Writes the onset of a syllable starting at <paramref name="t"/>; returns when its nucleus starts.</summary>
    private static double Onset(VoiceTrack track, double t, double duration, Generator random)
    {
        double kind = random.NextDouble();
        if (kind < 0.3)
        {
            double end = t + 0.3 * duration;
            Noise(track, t, end, 0.015, 0.3, FricativeHz[random.NextInt64(0, FricativeHz.Length)]);
            return end;
        }
        if (kind < 0.6)
        {
            double burst = t + 0.2 * duration;
            Noise(track, burst, burst + 0.015, 0.003, 0.6, BurstHz[random.NextInt64(0, BurstHz.Length)]);
            return burst + 0.015;
        }
        track.Raise(track.Voicing, t, t + 0.15 * duration, 0.01, 0.25);
        return t + 0.15 * duration;
    }

    private static void Noise(VoiceTrack track, double start, double end, double ramp, double level, double hz)
    {
        track.Raise(track.Frication, start, end, ramp, level);
        int first = Math.Max(0, (int)(start / track.BlockSeconds) - 1), last = Math.Min(track.Blocks - 1, (int)(end / track.BlockSeconds) + 1);
        Array.Fill(track.FricationHz, hz, first, last - first + 1);
    }

    private static void AddTargets(List<(double, double)>[] formants, double time, int vowel, double scale)
    {
        var v = VowelFormants.Table[vowel];
        formants[0].Add((time, v.F1 * scale));
        formants[1].Add((time, v.F2 * scale));
        formants[2].Add((time, v.F3 * scale));
    }

    /// <summary>Semitone contour to Hz, scaled so that the blocks voiced above half amplitude average <paramref name="meanF0"/>.</summary>
    private static void SetF0(VoiceTrack track, List<(double, double)> pitch, double meanF0)
    {
        var f0 = track.F0;
        if (pitch.Count == 0) { Array.Fill(f0, meanF0); return; }
        track.Interpolate(f0, pitch);
        double sum = 0;
        int voiced = 0;
        for (int b = 0; b < f0.Length; b++)
        {
            f0[b] = Math.Pow(2, f0[b] / 12);
            if (track.Voicing[b] > 0.5) { sum += f0[b]; voiced++; }
        }
        double scale = voiced > 0 ? meanF0 * voiced / sum : meanF0;
        for (int b = 0; b < f0.Length; b++) f0[b] *= scale;
    }
}
