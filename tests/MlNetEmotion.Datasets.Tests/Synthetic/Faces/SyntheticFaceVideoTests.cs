using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Faces;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Faces;

public class SyntheticFaceVideoTests
{
    private static readonly AffectState Happy = AffectState.ForEavClass("Happiness");

    [Fact]
    public void SameInputsGiveBitIdenticalFramesInAnyOrderAndOnAnyThread()
    {
        var first = SyntheticFaceVideo.Frames(3, 4, 2, Happy, 0.4).ToList();
        // Other trials and subjects generated before, and the same trial on other threads, change nothing.
        _ = SyntheticFaceVideo.Frames(3, 4, 1, Happy, 0.4).ToList();
        var parallel = Enumerable.Range(0, 4).AsParallel().Select(_ => SyntheticFaceVideo.Frames(3, 4, 2, Happy, 0.4).ToList()).ToList();
        Assert.Equal(10, first.Count);
        foreach (var again in parallel)
            for (int i = 0; i < first.Count; i++)
            {
                Assert.Equal(first[i].Image.Pixels, again[i].Image.Pixels);
                Assert.Equal(first[i].Face, again[i].Face);
            }
        var otherTrial = SyntheticFaceVideo.Frames(3, 4, 3, Happy, 0.04).Single();
        var otherSeed = SyntheticFaceVideo.Frames(4, 4, 2, Happy, 0.04).Single();
        Assert.NotEqual(first[0].Image.Pixels, otherTrial.Image.Pixels);
        Assert.NotEqual(first[0].Image.Pixels, otherSeed.Image.Pixels);
    }

    [Fact]
    public void FramesFollowTheRateAndTheHeadDriftsSmoothly()
    {
        var options = new SyntheticFaceOptions { Width = 320, Height = 240, FrameRate = 30 };
        var frames = SyntheticFaceVideo.Frames(1, 2, 3, Happy, 6, options).ToList();
        Assert.Equal(180, frames.Count);
        Assert.All(frames, f => Assert.Equal((320, 240, 3), (f.Image.Width, f.Image.Height, f.Image.Channels)));
        Assert.All(frames, (f, i) => Assert.Equal(i / 30.0, f.TimestampSeconds, 12));
        // Drift is slow: between consecutive frames the face box moves by little more than the 0.2-pixel tremor,
        // while over six seconds it wanders by several pixels.
        var centers = frames.Select(f => (X: f.Face.X + f.Face.Width / 2.0, Y: f.Face.Y + f.Face.Height / 2.0)).ToList();
        double maxStep = centers.Zip(centers.Skip(1), (a, b) => Math.Max(Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y))).Max();
        double range = Math.Max(centers.Max(c => c.X) - centers.Min(c => c.X), centers.Max(c => c.Y) - centers.Min(c => c.Y));
        Assert.InRange(maxStep, 0, 2.5);
        Assert.InRange(range, 3, 60);
    }

    [Fact]
    public void EyesBlinkAtTheConfiguredRate()
    {
        // 40 s at the default 4 s mean interval (with a 1 s floor): about 8 blinks; none when disabled.
        int Blinks(SyntheticFaceOptions options)
        {
            var open = SyntheticFaceVideo.Frames(9, 1, 1, default, 40, options).Select(f => f.Expression.EyeOpenness).ToList();
            return open.Zip(open.Skip(1), (a, b) => a >= 0.4 && b < 0.4).Count(started => started);
        }
        var fast = new SyntheticFaceOptions { Width = 48, Height = 48, NoiseStd = 0 };
        Assert.InRange(Blinks(fast), 4, 14);
        fast.BlinkIntervalSeconds = 0;
        Assert.Equal(0, Blinks(fast));
    }

    [Fact]
    public void BadArgumentsNameTheOption()
    {
        Assert.Equal("Width", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticFaceVideo.Frames(1, 1, 1, Happy, 1, new SyntheticFaceOptions { Width = 161 })).ParamName);
        Assert.Equal("FrameRate", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticFaceVideo.Frames(1, 1, 1, Happy, 1, new SyntheticFaceOptions { FrameRate = 0 })).ParamName);
        Assert.Equal("seconds", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticFaceVideo.Frames(1, 1, 1, Happy, double.NaN)).ParamName);
        Assert.Empty(SyntheticFaceVideo.Frames(1, 1, 1, Happy, 0.01));
    }
}
