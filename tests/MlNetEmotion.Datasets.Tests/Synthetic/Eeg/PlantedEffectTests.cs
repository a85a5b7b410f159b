using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Eeg;
using Xunit.Abstractions;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

/// <summary>
/// The planted affect effects, measured the way a user would: Welch log band powers of the stimulus segment, the
/// affect trial against the neutral trial of the same (seed, subject, trial), so that the noise cancels and what is left
/// is the effect. Planted sizes are in natural-log power of the rhythm; the measured change of total band power is
/// diluted by the 1/f floor and neighbouring rhythms, to 75–100 % of the planted one with every subject alike.
/// </summary>
public class PlantedEffectTests(ITestOutputHelper output)
{
    private const double Size = 0.35;
    private static readonly string[] FrontoCentral = ["Fp1", "AF3", "F3", "F7", "FC5", "FC1", "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2"];
    private static readonly string[] Posterior = ["P3", "P7", "PO3", "O1", "Oz", "Pz", "P4", "P8", "PO4", "O2"];
    private static readonly string[] Central = ["C3", "T7", "CP5", "CP1", "Cz", "C4", "T8", "CP6", "CP2"];
    private static readonly string[] LeftFrontal = ["Fp1", "AF3", "F3", "F7"];
    private static readonly string[] RightFrontal = ["Fp2", "AF4", "F4", "F8"];

    [Fact]
    public void Arousal_raises_frontal_beta_and_gamma_and_lowers_posterior_alpha_by_the_documented_size()
    {
        var alike = new SyntheticEegSignalOptions { Seconds = 20, SubjectVariability = 0 };
        var (neutral, aroused, recording) = Measure(new AffectState(0, 1), alike);

        // Planted: beta +0.35, gamma +0.21, posterior alpha −0.245 (natural log); measured within 75–100 %.
        AssertShare(SignalBandPowers.Mean(aroused, recording, FrontoCentral, 2) - SignalBandPowers.Mean(neutral, recording, FrontoCentral, 2), Size);
        AssertShare(SignalBandPowers.Mean(aroused, recording, FrontoCentral, 3) - SignalBandPowers.Mean(neutral, recording, FrontoCentral, 3), 0.6 * Size);
        AssertShare(SignalBandPowers.Mean(aroused, recording, Posterior, 1) - SignalBandPowers.Mean(neutral, recording, Posterior, 1), -0.7 * Size);
        // No effect where none is planted: central channels in any band, theta anywhere (within 0.03).
        for (int b = 0; b < 4; b++)
            Assert.InRange(SignalBandPowers.Mean(aroused, recording, Central, b) - SignalBandPowers.Mean(neutral, recording, Central, b), -0.03, 0.03);
        Assert.InRange(SignalBandPowers.Mean(aroused, recording, FrontoCentral, 0) - SignalBandPowers.Mean(neutral, recording, FrontoCentral, 0), -0.03, 0.03);
    }

    [Fact]
    public void Valence_shifts_frontal_alpha_asymmetry_by_twice_the_effect_size()
    {
        var alike = new SyntheticEegSignalOptions { Seconds = 20, SubjectVariability = 0 };
        var (neutral, pleased, recording) = Measure(new AffectState(1, 0), alike);

        AssertShare(SignalBandPowers.Mean(pleased, recording, RightFrontal, 1) - SignalBandPowers.Mean(neutral, recording, RightFrontal, 1), Size);
        AssertShare(SignalBandPowers.Mean(pleased, recording, LeftFrontal, 1) - SignalBandPowers.Mean(neutral, recording, LeftFrontal, 1), -Size);
        double Asymmetry(double[,] p) => SignalBandPowers.Mean(p, recording, RightFrontal, 1) - SignalBandPowers.Mean(p, recording, LeftFrontal, 1);
        AssertShare(Asymmetry(pleased) - Asymmetry(neutral), 2 * Size);
        Assert.InRange(SignalBandPowers.Mean(pleased, recording, Posterior, 1) - SignalBandPowers.Mean(neutral, recording, Posterior, 1), -0.03, 0.03);
    }

    [Fact]
    public void Effects_keep_their_sign_and_scale_with_effect_size_for_varied_subjects()
    {
        // Subjects differ in alpha frequency, so alpha partly spills into neighbouring bands: looser bounds (50–110 %).
        foreach (int subject in new[] { 1, 2, 3 })
        {
            var options = new SyntheticEegSignalOptions { Seconds = 10, EffectSize = 0.7 };
            var (neutral, aroused, recording) = Measure(new AffectState(0.5, 1), options, subject);
            AssertShare(SignalBandPowers.Mean(aroused, recording, FrontoCentral, 2) - SignalBandPowers.Mean(neutral, recording, FrontoCentral, 2), 0.7, 0.5, 1.1);
            AssertShare(SignalBandPowers.Mean(aroused, recording, Posterior, 1) - SignalBandPowers.Mean(neutral, recording, Posterior, 1), -0.49, 0.5, 1.1);
            AssertShare(SignalBandPowers.Mean(aroused, recording, RightFrontal, 1) - SignalBandPowers.Mean(neutral, recording, RightFrontal, 1)
                - SignalBandPowers.Mean(aroused, recording, LeftFrontal, 1) + SignalBandPowers.Mean(neutral, recording, LeftFrontal, 1), 0.7, 0.5, 1.1);
        }
    }

    [Fact]
    public void Baseline_segment_carries_no_affect_effect()
    {
        var options = new SyntheticEegSignalOptions { Seconds = 4 };
        var neutral = SyntheticEegSignals.Generate(21, 3, 4, new AffectState(0, 0), options);
        var strong = SyntheticEegSignals.Generate(21, 3, 4, new AffectState(1, 1), options);

        // The first 3 s are sample for sample the same; the stimulus is not.
        Assert.All(neutral.Channels.Zip(strong.Channels), p => Assert.Equal(p.First.Samples[..384], p.Second.Samples[..384]));
        Assert.NotEqual(neutral.Channels[0].Samples[384..], strong.Channels[0].Samples[384..]);
    }

    private static (double[,] Neutral, double[,] Affected, EegRecording Recording) Measure(AffectState affect, SyntheticEegSignalOptions options, int subject = 1)
    {
        var neutral = SyntheticEegSignals.Generate(99, subject, 1, new AffectState(0, 0), options);
        var affected = SyntheticEegSignals.Generate(99, subject, 1, affect, options);
        int baseline = 384, end = neutral.Channels[0].Samples.Length;
        return (SignalBandPowers.Of(neutral, baseline, end), SignalBandPowers.Of(affected, baseline, end), neutral);
    }

    /// <summary>The measured change has the planted sign and lies between <paramref name="low"/> and
    /// <paramref name="high"/> times the planted size.</summary>
    private void AssertShare(double measured, double planted, double low = 0.75, double high = 1.0)
    {
        double share = measured / planted;
        output.WriteLine($"planted {planted:F3}, measured {measured:F3} ({share:P0})");
        Assert.True(share >= low && share <= high, $"measured {measured:F3} is {share:P0} of the planted {planted:F3}; expected {low:P0}–{high:P0}");
    }
}
