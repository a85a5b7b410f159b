using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Voice;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Voice;

/// <summary>The generator's contract: deterministic, bounded, finite, validated, WAV-ready; per-subject voices.</summary>
public sealed class SyntheticVoiceTests
{
    [Fact]
    public void SameArgumentsGiveBitIdenticalClipsInAnyOrderAndOnAnyThread()
    {
        var jobs = Enumerable.Range(0, 8).Select(i => (Subject: 1 + i % 4, Trial: 1 + i, Affect: AffectState.ForEavClass(AffectState.EavClasses[i % 5]))).ToArray();
        var sequential = jobs.Select(j => SyntheticVoice.Synthesize(5, j.Subject, j.Trial, j.Affect, 1.5).Samples).ToArray();
        var parallel = new float[jobs.Length][];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
        {
            int i = jobs.Length - 1 - k;
            parallel[i] = SyntheticVoice.Synthesize(5, jobs[i].Subject, jobs[i].Trial, jobs[i].Affect, 1.5).Samples;
        });
        for (int i = 0; i < jobs.Length; i++) Assert.Equal(sequential[i], parallel[i]);
        Assert.NotEqual(sequential[0], sequential[1]);
        var otherSeed = SyntheticVoice.Synthesize(6, jobs[0].Subject, jobs[0].Trial, jobs[0].Affect, 1.5).Samples;
        Assert.NotEqual(sequential[0], otherSeed);
    }

    [Fact]
    public void AnyClipIsFiniteWithinThePeakLimitAndOfTheRequestedLength()
    {
        var gen =
            from seed in Gen.Choose(0, 1000)
            from subject in Gen.Choose(0, 60)
            from trial in Gen.Choose(0, 300)
            from valence in Gen.Choose(-100, 100)
            from arousal in Gen.Choose(-100, 100)
            from milliseconds in Gen.Choose(1, 1200)
            from level in Gen.Choose(-45, -1)
            from effect in Gen.Choose(0, 30)
            from snr in Gen.Choose(-10, 60)
            select (seed, subject, trial, valence, arousal, milliseconds, level, effect, snr);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var options = new SyntheticVoiceOptions { LevelDbfs = c.level, EffectSize = c.effect / 10.0, NoiseSnrDb = c.snr };
            var affect = new AffectState(c.valence / 100.0, c.arousal / 100.0);
            var clip = SyntheticVoice.Synthesize(c.seed, c.subject, c.trial, affect, c.milliseconds / 1000.0, options);
            return clip.Samples.Length == (int)Math.Round(c.milliseconds * 16.0)
                && clip.Samples.All(float.IsFinite)
                && clip.Samples.All(x => Math.Abs(x) <= options.PeakLimit)
                && clip.MeanF0 >= 60 && clip.MeanF0 <= 450 && clip.Syllables >= 0;
        }));
    }

    [Fact]
    public void ALoudClipIsScaledDownToThePeakLimitAndItsGroundTruthFollows()
    {
        var options = new SyntheticVoiceOptions { LevelDbfs = -4, PeakLimit = 0.8 };
        var clip = SyntheticVoice.Synthesize(42, 3, 1, AffectState.ForEavClass("Anger"), 2, options);
        Assert.Equal(0.8f, clip.Samples.Max(Math.Abs), 6);
        Assert.True(clip.SpeechRmsDbfs < -4, $"speech level {clip.SpeechRmsDbfs:F1} dBFS should have been lowered by the limiter");
        Assert.InRange(VoiceAnalysis.RmsDb(clip.Samples) - clip.SpeechRmsDbfs, -0.05, 0.05); // noise is 30 dB down
    }

    [Fact]
    public void AClipRoundTripsThroughTheToolkitsWavWriter()
    {
        var clip = SyntheticVoice.Synthesize(42, 1, 1, new AffectState(0.2, 0.4), 0.5);
        string path = Path.Combine(Path.GetTempPath(), $"synthetic-voice-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(path, clip.ToAudioBuffer());
            var read = WavReader.Read(path);
            Assert.Equal((16000, 1, clip.Samples.Length), (read.SampleRate, read.Channels, read.FrameCount));
            for (int i = 0; i < clip.Samples.Length; i++) Assert.Equal(clip.Samples[i], read.Samples[i], 1.0 / 32768);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SubjectsHaveStableDistinctVoicesHalfOfThemFemaleLike()
    {
        var profiles = Enumerable.Range(1, 40).Select(s => SyntheticVoiceProfile.For(42, s)).ToArray();
        Assert.Equal(profiles[0], SyntheticVoiceProfile.For(42, 1));
        Assert.NotEqual(profiles[0], SyntheticVoiceProfile.For(43, 1));
        int female = profiles.Count(p => p.Female);
        Assert.InRange(female, 12, 28); // binomial(40, 0.5): 99.9 % interval
        Assert.All(profiles, p => Assert.InRange(p.BaseF0, p.Female ? 160 : 85, p.Female ? 270 : 150));
        Assert.True(profiles.Where(p => p.Female).Average(p => p.VocalTractScale) > 1.1 * profiles.Where(p => !p.Female).Average(p => p.VocalTractScale));
    }

    public static TheoryData<Action<SyntheticVoiceOptions>, string> BadOptions => new()
    {
        { o => o.SampleRate = 4000, nameof(SyntheticVoiceOptions.SampleRate) },
        { o => o.NoiseSnrDb = double.NaN, nameof(SyntheticVoiceOptions.NoiseSnrDb) },
        { o => o.LevelDbfs = 0, nameof(SyntheticVoiceOptions.LevelDbfs) },
        { o => o.PeakLimit = 1.5, nameof(SyntheticVoiceOptions.PeakLimit) },
        { o => o.JitterPercent = -1, nameof(SyntheticVoiceOptions.JitterPercent) },
        { o => o.ShimmerPercent = 50, nameof(SyntheticVoiceOptions.ShimmerPercent) },
        { o => o.EffectSize = double.PositiveInfinity, nameof(SyntheticVoiceOptions.EffectSize) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void AnInvalidOptionIsNamed(Action<SyntheticVoiceOptions> spoil, string name)
    {
        var options = new SyntheticVoiceOptions();
        spoil(options);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticVoice.Synthesize(1, 1, 1, default, 1, options));
        Assert.Equal(name, ex.ParamName);
    }

    [Theory]
    [InlineData(1.5, 0, 1, "affect")]
    [InlineData(0, double.NaN, 1, "affect")]
    [InlineData(0, 0, 0, "seconds")]
    [InlineData(0, 0, double.NaN, "seconds")]
    [InlineData(0, 0, 4000, "seconds")]
    public void AnOutOfRangeArgumentIsNamed(double valence, double arousal, double seconds, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticVoice.Synthesize(1, 1, 1, new AffectState(valence, arousal), seconds));
        Assert.Equal(name, ex.ParamName);
    }
}
