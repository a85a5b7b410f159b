using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Audio.Tests.IO;

public class ResampleTests
{
    [Theory]
    [InlineData(8000, "resample_16k_to_8k.npy")]
    [InlineData(22050, "resample_16k_to_22050.npy")]
    public void MatchesScipyResamplePoly(int rate, string fixture)
    {
        var speech = WavReader.Read(TestData.Speech);
        var first = new AudioBuffer(speech.Samples[..16000], 16000);
        var (expected, shape) = TestData.Npy(fixture);
        var resampled = AudioResampler.Resample(first, rate);
        Assert.Equal(rate, resampled.SampleRate);
        Assert.Equal(shape[0], resampled.FrameCount);
        Assert.True(TestData.RelativeError(resampled.Samples, expected) < 1e-5);
    }

    [Fact]
    public void ChannelsAreResampledIndependently()
    {
        var stereo = new AudioBuffer(Enumerable.Range(0, 2000).Select(i => i % 2 == 0 ? 0.5f : -0.25f).ToArray(), 16000, 2);
        var down = AudioResampler.Resample(stereo, 8000);
        Assert.Equal(500, down.FrameCount);
        Assert.Equal(0.5f, down.Channel(0)[250], 3);
        Assert.Equal(-0.25f, down.Channel(1)[250], 3);
        Assert.Same(stereo, AudioResampler.Resample(stereo, 16000));
    }
}
