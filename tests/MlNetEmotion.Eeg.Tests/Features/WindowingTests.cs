using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Eeg.Features;

namespace MlNetEmotion.Eeg.Tests.Features;

public class WindowingTests
{
    [Fact]
    public void DeapTrialAt8FpsGives480FramesOf16Samples()
    {
        var windows = FrameWindows.ForFrameRate(60 * 128, 128, 8);
        Assert.Equal(480, windows.Count);
        Assert.Equal(16, windows.Length);
        Assert.Equal(16 * 479, windows.Start(479));
    }

    [Fact]
    public void FrameStartsFollowVideoFramesAtNonDividingRates()
    {
        // 30 fps at 128 Hz: frame k starts at round(k · 128 / 30).
        var windows = FrameWindows.ForFrameRate(1280, 128, 30);
        Assert.Equal(4, windows.Length);
        Assert.Equal([0, 4, 9, 13, 17, 21, 26], Enumerable.Range(0, 7).Select(windows.Start));
    }

    [Fact]
    public void WindowsStayInsideTheSignal()
    {
        Prop.ForAll<PositiveInt, PositiveInt, byte>((n, fps, overlapPercent) =>
        {
            int samples = n.Get % 5000;
            double overlap = overlapPercent % 90 / 100.0;
            double rate = 128;
            double frameRate = fps.Get % 60 + 1;
            var w = FrameWindows.ForFrameRate(samples, rate, frameRate, overlap);
            bool inside = w.Count == 0 || w.Start(w.Count - 1) + w.Length <= samples;
            bool maximal = w.Start(w.Count) + w.Length > samples;
            return inside && maximal;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(BaselineMethod.Mean, "baseline_mean.npy")]
    [InlineData(BaselineMethod.PerSecondMean, "baseline_persecond.npy")]
    public void BaselineRemovalMatchesNumpy(BaselineMethod method, string fixture)
    {
        var expected = FeatureFixture.Load(fixture);
        int take = expected.Shape[1];
        var actual = FeatureFixture.Channels.SelectMany(c => BaselineRemoval.Apply(c, 160, 3, method)[..take]).ToArray();
        FeatureFixture.AssertClose(expected.As<double>(), actual, 1e-12, 1e-10);
    }

    [Fact]
    public void PerSecondBaselineNeedsWholeSeconds()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BaselineRemoval.Apply(new double[1000], 128, 2.5, BaselineMethod.PerSecondMean));
        Assert.Contains("2.5", error.Message);
    }

    [Fact]
    public void NormalizerLearnsFromTrainingRowsOnly()
    {
        var expected = FeatureFixture.Load("normalizer.npy").As<double>();
        var train = FeatureFixture.Channels.Select(c => c[..4800]).ToArray();
        var normalizer = ChannelNormalizer.Fit([train.Select(c => c[..2400]).ToArray(), train.Select(c => c[2400..]).ToArray()]);
        FeatureFixture.AssertClose(expected.AsSpan(0, 8), normalizer.Means.ToArray(), 1e-10, 1e-12);
        FeatureFixture.AssertClose(expected.AsSpan(8, 8), normalizer.StandardDeviations.ToArray(), 1e-10);
        var z = normalizer.Transform(train);
        Assert.Equal(0, z[3].Average(), 9);
        Assert.Equal(1, Math.Sqrt(z[3].Select(v => v * v).Average()), 9);
        Assert.Throws<ArgumentException>(() => ChannelNormalizer.Fit([[new double[10]]]));
    }
}
