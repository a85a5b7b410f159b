using System.Numerics.Tensors;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

public class SyntheticEegSignalsTests
{
    private static readonly SyntheticEegSignalOptions Short = new() { Seconds = 4, BaselineSeconds = 1 };

    [Fact]
    public void Deap_trial_has_32_channels_in_deap_order_at_128_Hz_and_8064_samples()
    {
        var recording = SyntheticEegSignals.Generate(7, 1, 1, new AffectState(0.2, -0.4));

        Assert.Equal(DeapChannels.Names, recording.ChannelNames);
        Assert.Equal(128, recording.SamplingRate);
        Assert.All(recording.Channels, c => Assert.Equal(8064, c.Samples.Length));
        Assert.All(recording.Channels, c => Assert.Equal("uV", c.Unit));
        Assert.Equal(new[] { (0.0, 3.0), (3.0, 60.0) },
            recording.Annotations.Where(a => a.Text is "Baseline" or "Stimulus").Select(a => (a.Onset, a.Duration)));
        recording.Validate();
    }

    [Fact]
    public void Eav_trial_has_30_standard_1020_channels_at_500_Hz_for_20_s_without_baseline()
    {
        var recording = SyntheticEegSignals.Generate(7, 1, 1, new AffectState(0, 0), new SyntheticEegSignalOptions { Layout = SyntheticEegLayout.Eav });

        Assert.Equal(30, recording.Channels.Count);
        Assert.Equal(30, SyntheticEegChannels.Eav.Distinct().Count());
        Assert.DoesNotContain("TP9", recording.ChannelNames);
        Assert.Equal(SyntheticEegChannels.Eav.Count, StandardMontages.Create("standard_1020").Select(SyntheticEegChannels.Eav).ChannelNames.Count);
        Assert.Equal(500, recording.SamplingRate);
        Assert.All(recording.Channels, c => Assert.Equal(10_000, c.Samples.Length));
        Assert.Equal((0.0, 20.0), recording.Annotations.Where(a => a.Text == "Stimulus").Select(a => (a.Onset, a.Duration)).Single());
        Assert.DoesNotContain(recording.Annotations, a => a.Text == "Baseline");
    }

    [Fact]
    public void Amplitudes_are_tens_of_microvolts_with_blinks_in_the_hundreds()
    {
        var recording = SyntheticEegSignals.Generate(3, 2, 5, new AffectState(0.5, 0.5));
        var sd = recording.Channels.Select(c => Math.Sqrt(Variance(c.Samples))).ToArray();
        var peak = recording.Channels.Select(c => Math.Abs(TensorPrimitives.MaxMagnitude(c.Samples))).ToArray();

        // Real scalp EEG: a few to a few tens of µV RMS; blinks 100–300 µV at Fp1/Fp2.
        Assert.All(sd, s => Assert.InRange(s, 4, 60));
        Assert.InRange(sd.Average(), 8, 30);
        Assert.All(peak, p => Assert.InRange(p, 15, 400));
        Assert.InRange(peak[recording.IndexOf("Fp1")], 80, 400);
    }

    [Fact]
    public async Task Same_inputs_give_bit_identical_trials_whatever_the_order_of_generation()
    {
        var affect = new AffectState(-0.3, 0.8);
        var first = SyntheticEegSignals.Generate(11, 4, 9, affect, Short);
        for (int t = 1; t <= 3; t++) SyntheticEegSignals.Generate(11, 4, t, new AffectState(0, 0), Short);
        var again = SyntheticEegSignals.Generate(11, 4, 9, affect, Short);
        var onThread = await Task.Run(() => SyntheticEegSignals.Generate(11, 4, 9, affect, Short));

        for (int c = 0; c < first.Channels.Count; c++)
        {
            Assert.Equal(first.Channels[c].Samples, again.Channels[c].Samples);
            Assert.Equal(first.Channels[c].Samples, onThread.Channels[c].Samples);
        }
        Assert.Equal(first.Annotations, again.Annotations);
        Assert.NotEqual(first.Channels[0].Samples, SyntheticEegSignals.Generate(11, 4, 10, affect, Short).Channels[0].Samples);
        Assert.NotEqual(first.Channels[0].Samples, SyntheticEegSignals.Generate(12, 4, 9, affect, Short).Channels[0].Samples);
    }

    [Fact]
    public void Any_seed_subject_trial_and_affect_gives_finite_reproducible_signals()
    {
        var gen = from seed in Gen.Choose(int.MinValue, int.MaxValue)
                  from subject in Gen.Choose(0, 100)
                  from trial in Gen.Choose(1, 1000)
                  from v in Gen.Choose(-100, 100)
                  from a in Gen.Choose(-100, 100)
                  select (seed, subject, trial, affect: new AffectState(v / 100.0, a / 100.0));
        var options = new SyntheticEegSignalOptions { Seconds = 1, BaselineSeconds = 0.5, LineNoise = 5, MuscleRate = 30, BlinkRate = 30 };
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var one = SyntheticEegSignals.Generate(x.seed, x.subject, x.trial, x.affect, options);
            var two = SyntheticEegSignals.Generate(x.seed, x.subject, x.trial, x.affect, options);
            return one.Channels.Zip(two.Channels).All(p => p.First.Samples.AsSpan().SequenceEqual(p.Second.Samples)
                && p.First.Samples.All(double.IsFinite) && p.First.Samples.Length == 192);
        }));
    }

    [Fact]
    public void Switching_an_artefact_off_leaves_everything_else_unchanged()
    {
        var with = SyntheticEegSignals.Generate(5, 1, 2, new AffectState(0, 0), Short);
        var without = SyntheticEegSignals.Generate(5, 1, 2, new AffectState(0, 0), new SyntheticEegSignalOptions { Seconds = 4, BaselineSeconds = 1, BlinkRate = 0 });
        var blinks = with.Annotations.Where(a => a.Text == "Blink").ToArray();
        Assert.NotEmpty(blinks);
        Assert.DoesNotContain(without.Annotations, a => a.Text == "Blink");
        // Outside the blinks the two recordings are identical.
        int inside = 0;
        for (int n = 0; n < with.Channels[0].Samples.Length; n++)
        {
            double t = n / 128.0;
            if (blinks.Any(b => t >= b.Onset && t < b.Onset + b.Duration + 1.0 / 128)) { inside++; continue; }
            Assert.Equal(with.Channels[0].Samples[n], without.Channels[0].Samples[n]);
        }
        Assert.InRange(inside, 1, with.Channels[0].Samples.Length - 1);
    }

    [Theory]
    [InlineData(nameof(SyntheticEegSignalOptions.EffectSize))]
    [InlineData(nameof(SyntheticEegSignalOptions.BlinkRate))]
    [InlineData(nameof(SyntheticEegSignalOptions.Drift))]
    [InlineData(nameof(SyntheticEegSignalOptions.BaselineSeconds))]
    public void Negative_option_is_rejected_by_name(string option)
    {
        var options = new SyntheticEegSignalOptions();
        typeof(SyntheticEegSignalOptions).GetProperty(option)!.SetValue(options, -1.0);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEegSignals.Generate(1, 1, 1, default, options));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Bad_trial_affect_and_line_frequency_are_rejected()
    {
        Assert.Equal("trial", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEegSignals.Generate(1, 1, 0, default)).ParamName);
        Assert.Equal("affect", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEegSignals.Generate(1, 1, 1, new AffectState(1.5, 0))).ParamName);
        Assert.Equal(nameof(SyntheticEegSignalOptions.LineFrequency), Assert.Throws<ArgumentOutOfRangeException>(
            () => SyntheticEegSignals.Generate(1, 1, 1, default, new SyntheticEegSignalOptions { LineFrequency = 64 })).ParamName);
        Assert.Equal(nameof(SyntheticEegSignalOptions.Seconds), Assert.Throws<ArgumentOutOfRangeException>(
            () => SyntheticEegSignals.Generate(1, 1, 1, default, new SyntheticEegSignalOptions { Seconds = 0 })).ParamName);
    }

    internal static double Variance(ReadOnlySpan<double> x)
    {
        double mean = TensorPrimitives.Sum(x) / x.Length;
        return TensorPrimitives.SumOfSquares(x) / x.Length - mean * mean;
    }
}
