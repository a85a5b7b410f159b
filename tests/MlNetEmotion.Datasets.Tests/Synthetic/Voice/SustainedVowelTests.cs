using MlNetEmotion.Datasets.Synthetic.Voice;
using Xunit.Abstractions;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Voice;

/// <summary>The source and the vocal tract, checked on steady vowels with independent measurements
/// (<see cref="VoiceAnalysis"/>): F0 by autocorrelation, formants by LPC.</summary>
public sealed class SustainedVowelTests(ITestOutputHelper output)
{
    private const int Rate = 16000;

    // Subjects 1-6 of seed 42 are three male-like (F0 100-125 Hz) and three female-like (200-225 Hz) voices.
    public static TheoryData<int> Subjects => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Subjects))]
    public void MeasuredF0IsWithinThreePercentOfTheRequestedF0(int subject)
    {
        foreach (var vowel in new[] { "ɑ", "ɛ", "æ", "i", "u" })
        {
            var clip = SyntheticVoice.SustainedVowel(42, subject, vowel, 1.0);
            var f0 = VoiceAnalysis.Pitch(clip.Samples, Rate);
            double measured = VoiceAnalysis.Median(f0);
            output.WriteLine($"/{vowel}/ requested {clip.MeanF0:F1} Hz, measured {measured:F1} Hz over {f0.Count} frames");
            Assert.True(f0.Count >= 80, $"/{vowel}/: only {f0.Count} of 95 frames voiced");
            Assert.InRange(measured / clip.MeanF0, 0.97, 1.03);
        }
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void LpcFormantsAreWithinTenPercentOfTheTargets(int subject)
    {
        // Vowels whose F1 lies well above F0 for every voice: LPC peaks snap to harmonics when F1 is near 2·F0.
        foreach (var vowel in new[] { "ɑ", "ɛ", "æ", "ʌ" })
        {
            var clip = SyntheticVoice.SustainedVowel(42, subject, vowel, 1.0);
            var v = VowelFormants.Table[VowelFormants.IndexOf(vowel)];
            double scale = clip.Profile.VocalTractScale;
            double[] target = [v.F1 * scale, v.F2 * scale, v.F3 * scale];
            var measured = VoiceAnalysis.Formants(clip.Samples, Rate);
            output.WriteLine($"/{vowel}/ target {string.Join(", ", target.Select(f => f.ToString("F0")))} Hz, LPC {string.Join(", ", measured.Select(f => f.ToString("F0")))} Hz");
            for (int k = 0; k < 3; k++) Assert.InRange(measured[k] / target[k], 0.9, 1.1);
        }
    }
}
