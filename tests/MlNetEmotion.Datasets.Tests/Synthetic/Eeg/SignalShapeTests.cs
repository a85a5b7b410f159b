using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Signals.Spectral;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

public class SignalShapeTests
{
    [Theory]
    [InlineData(SyntheticEegLayout.Deap)]
    [InlineData(SyntheticEegLayout.Eav)]
    public void Background_spectrum_falls_as_one_over_f_between_2_and_40_Hz(SyntheticEegLayout layout)
    {
        var head = SyntheticHead.For(layout);
        double fs = head.SamplingRate;
        int length = (int)(60 * fs), rows = ChannelLanes.Padded(head.Channels.Count);
        var data = new double[rows * length];
        head.Mixing.MixNoise(new UniformNoise(new Random(3)), data, length);
        PinkFilter.Apply(data, length, 2, new Random(4));
        var channels = Enumerable.Range(0, head.Channels.Count).Select(c => data.AsSpan(c * length, length).ToArray()).ToArray();
        var (f, p) = Welch.Estimate(channels, fs, new WelchOptions { SegmentLength = (int)(4 * fs) }, maxDegreeOfParallelism: 1);

        // Least-squares slope of log10 density against log10 frequency over 2–40 Hz, channel-averaged density.
        var points = Enumerable.Range(0, f.Length).Where(k => f[k] >= 2 && f[k] <= 40)
            .Select(k => (X: Math.Log10(f[k]), Y: Math.Log10(p.Average(ch => ch[k])))).ToArray();
        double mx = points.Average(q => q.X), my = points.Average(q => q.Y);
        double slope = points.Sum(q => (q.X - mx) * (q.Y - my)) / points.Sum(q => (q.X - mx) * (q.X - mx));
        Assert.InRange(slope, -1.05, -0.95);
        // Level: density 2/f µV²/Hz, so 0.2 at 10 Hz (within 10 %).
        int at10 = Array.FindIndex(f, x => x >= 10);
        Assert.InRange(p.Average(ch => ch[at10]), 0.18, 0.22);
    }

    [Fact]
    public void Background_is_correlated_between_neighbours_and_not_across_the_head()
    {
        var head = SyntheticHead.For(SyntheticEegLayout.Deap);
        int length = 128 * 60, rows = ChannelLanes.Padded(32);
        var data = new double[rows * length];
        head.Mixing.MixNoise(new UniformNoise(new Random(5)), data, length);
        PinkFilter.Apply(data, length, 2, new Random(6));
        double Correlation(string a, string b)
        {
            var x = data.AsSpan(head.Channels.ToList().IndexOf(a) * length, length);
            var y = data.AsSpan(head.Channels.ToList().IndexOf(b) * length, length);
            return System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(x, y);
        }

        // Neighbours (≈ 3–4 cm apart) share sources; Fp1–O2 (≈ 18 cm) share none.
        Assert.InRange(Correlation("Fp1", "AF3"), 0.4, 0.95);
        Assert.InRange(Correlation("C3", "CP1"), 0.2, 0.95);
        Assert.InRange(Math.Abs(Correlation("Fp1", "O2")), 0, 0.1);
    }

    [Fact]
    public void Blinks_are_largest_at_Fp1_and_Fp2_and_fade_towards_the_back()
    {
        var options = new SyntheticEegSignalOptions { Seconds = 30, BaselineSeconds = 0, BlinkRate = 20, SubjectVariability = 0 };
        var with = SyntheticEegSignals.Generate(8, 1, 1, new AffectState(0, 0), options);
        var without = SyntheticEegSignals.Generate(8, 1, 1, new AffectState(0, 0), new SyntheticEegSignalOptions { Seconds = 30, BaselineSeconds = 0, BlinkRate = 0, SubjectVariability = 0 });
        var blinks = with.Annotations.Where(a => a.Text == "Blink").ToArray();
        Assert.InRange(blinks.Length, 4, 20);   // 20 a minute for 30 s, minus the blinks' own time

        // The blink signal alone is the difference; its peak per channel.
        var peak = with.Channels.Select((c, i) => c.Samples.Zip(without.Channels[i].Samples, (a, b) => a - b).Max()).ToArray();
        var order = peak.Select((p, i) => (p, with.ChannelNames[i])).OrderByDescending(x => x.p).Select(x => x.Item2).ToArray();
        Assert.Equal(new[] { "Fp1", "Fp2" }, order[..2].Order());
        Assert.InRange(peak[with.IndexOf("Fp1")], 80, 200);
        Assert.True(peak[with.IndexOf("AF3")] < 0.7 * peak[with.IndexOf("Fp1")]);
        Assert.True(peak[with.IndexOf("Fz")] < 0.3 * peak[with.IndexOf("Fp1")]);
        Assert.True(peak[with.IndexOf("Oz")] < 0.01 * peak[with.IndexOf("Fp1")]);
    }

    [Fact]
    public void Muscle_bursts_put_20_to_60_Hz_power_on_temporal_channels()
    {
        var quiet = new SyntheticEegSignalOptions { Layout = SyntheticEegLayout.Eav, Seconds = 20, BlinkRate = 0, Drift = 0, MuscleRate = 0 };
        var tense = new SyntheticEegSignalOptions { Layout = SyntheticEegLayout.Eav, Seconds = 20, BlinkRate = 0, Drift = 0, MuscleRate = 30 };
        var a = SyntheticEegSignals.Generate(4, 2, 3, default, quiet);
        var b = SyntheticEegSignals.Generate(4, 2, 3, default, tense);
        Assert.InRange(b.Annotations.Count(x => x.Text == "Muscle"), 4, 14);   // 30 a minute for 20 s, minus their own time
        double Ratio(string channel)
        {
            var (f, pa) = Welch.Estimate(a.Channels[a.IndexOf(channel)].Samples, 500, new WelchOptions { SegmentLength = 1000 });
            var pb = Welch.Estimate(b.Channels[b.IndexOf(channel)].Samples, 500, new WelchOptions { SegmentLength = 1000 }).Power;
            return BandPower.Integrate(f, pb, 25, 55) / BandPower.Integrate(f, pa, 25, 55);
        }

        Assert.True(Math.Max(Ratio("T7"), Ratio("T8")) > 2, $"T7 ×{Ratio("T7"):F1}, T8 ×{Ratio("T8"):F1}");
        Assert.InRange(Ratio("Pz"), 0.95, 1.2);
        Assert.InRange(Ratio("Fz"), 0.95, 1.2);
    }

    [Fact]
    public void Line_noise_adds_a_50_Hz_peak()
    {
        var options = new SyntheticEegSignalOptions { Layout = SyntheticEegLayout.Eav, Seconds = 4, LineNoise = 10 };
        var recording = SyntheticEegSignals.Generate(4, 2, 3, default, options);
        var (f, p) = Welch.Estimate(recording.Channels[0].Samples, 500, new WelchOptions { SegmentLength = 1000 });
        int at50 = Array.IndexOf(f, 50.0);
        Assert.True(p[at50] > 100 * p[at50 - 4], $"50 Hz {p[at50]:G3} vs 48 Hz {p[at50 - 4]:G3}");
    }

    [Fact]
    public void Uniform_noise_has_zero_mean_and_unit_variance()
    {
        var x = new double[100_003];
        new UniformNoise(new Random(1)).Fill(x);
        Assert.InRange(x.Average(), -0.01, 0.01);   // sd of the mean ≈ 0.003
        Assert.InRange(SyntheticEegSignalsTests.Variance(x), 0.99, 1.01);
        Assert.InRange(x.Max(), 1.72, Math.Sqrt(3));
        Assert.InRange(x.Min(), -Math.Sqrt(3), -1.72);
    }
}
