using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Tests.Features;

/// <summary>Feature image, fixed length, silence trimming, CMVN and pre-emphasis.</summary>
public class ShapingTests
{
    private static Spectrogram Ramp(int rows, int frames) =>
        new(rows, frames, Enumerable.Range(0, rows * frames).Select(i => (float)(i % frames * (1 + i / frames))).ToArray());

    [Fact]
    public void ImageStacksStaticDeltasAndDeltaDeltas()
    {
        var mfcc = Ramp(3, 10);
        var image = FeatureImage.WithDeltas(mfcc);
        Assert.Equal(new[] { 3, 3, 10 }, image.Shape);
        Assert.Equal(mfcc.Data, image.Channel(0).Data);
        // Row r is the ramp t·(1 + r): its delta is (1 + r) away from the edges, and the delta-delta 0 there.
        Assert.Equal(2f, image.Channel(1)[1, 5], 5);
        Assert.Equal(0f, image.Channel(2)[1, 5], 5);
        Assert.Equal(Deltas.Compute(image.Channel(1)).Data, image.Channel(2).Data);
    }

    [Fact]
    public void FixLengthCropsAndPads()
    {
        var s = Ramp(2, 6);
        Assert.Equal(new[] { 3f, 4f, 5f }, FixLength.Apply(s, 3, CropPosition.End).Row(0).ToArray());
        Assert.Equal(new[] { 1f, 2f, 3f }, FixLength.Apply(s, 3, CropPosition.Center).Row(0).ToArray());
        Assert.Equal(new[] { 0f, 2f, 4f, 6f, 8f, 10f, -1f, -1f }, FixLength.Apply(s, 8, padValue: -1).Row(1).ToArray());
        var image = FixLength.Apply(FeatureImage.WithDeltas(s, 1), 4);
        Assert.Equal(new[] { 2, 2, 4 }, image.Shape);
        Assert.Equal(new[] { 1f, 2f }, FixLength.Apply([1f, 2f, 3f], 2));
    }

    [Fact]
    public void FixLengthAlwaysGivesTheTargetAndKeepsAPrefix() =>
        Prop.ForAll(Gen.Choose(1, 50).ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (have, want) =>
        {
            var x = Enumerable.Range(1, have).Select(i => (float)i).ToArray();
            var y = FixLength.Apply(x, want);
            int common = Math.Min(have, want);
            return y.Length == want && y.AsSpan(0, common).SequenceEqual(x.AsSpan(0, common)) && y.Skip(common).All(v => v == 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TrimRemovesPaddedSilenceAroundSpeech()
    {
        var speech = WavReader.Read(TestData.Speech).Samples;
        var padded = new float[8192].Concat(speech).Concat(new float[8192]).ToArray();
        var (start, end) = SilenceTrimmer.FindSpan(padded);
        // Frames are 512 samples apart: the kept span starts within a frame of the speech and ends within two.
        Assert.InRange(start, 8192 - 2048, 8192);
        Assert.InRange(end, 8192 + speech.Length - 2048, 8192 + speech.Length + 2048);
        Assert.Equal(end - start, SilenceTrimmer.Trim(padded).Length);
        Assert.Equal((0, 0), SilenceTrimmer.FindSpan(new float[5000]));
    }

    [Fact]
    public void CmvnGivesZeroMeanUnitVariance()
    {
        var s = Cmvn.Apply(Ramp(3, 20));
        for (int r = 0; r < 3; r++)
        {
            var row = s.Row(r).ToArray();
            Assert.Equal(0, row.Average(), 5);
            Assert.Equal(1, Math.Sqrt(row.Select(v => (double)v * v).Average()), 5);
        }
        var constant = Cmvn.Apply(new Spectrogram(1, 4, [3f, 3f, 3f, 3f]));
        Assert.All(constant.Data, v => Assert.Equal(0f, v));
        Assert.Equal(2f, Cmvn.Apply(Ramp(1, 5), normalizeVariance: false).Row(0).ToArray().Max(), 5);
    }

    [Fact]
    public void PreEmphasisMatchesTheFormula()
    {
        Assert.Equal(new[] { 1f, 2 - 0.97f, 0 - 1.94f }, PreEmphasis.Apply([1f, 2f, 0f]));
    }
}
