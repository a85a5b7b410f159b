using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Audio.Tests.IO;

public class WavWriterTests
{
    [Theory]
    [InlineData(AudioSampleFormat.UInt8, 1, false)]
    [InlineData(AudioSampleFormat.Int16, 2, false)]
    [InlineData(AudioSampleFormat.Int24, 1, false)]
    [InlineData(AudioSampleFormat.Int32, 4, false)]
    [InlineData(AudioSampleFormat.Float32, 3, false)]
    [InlineData(AudioSampleFormat.Float64, 1, true)]
    public void WrittenFilesReadBackAndFfmpegAgrees(AudioSampleFormat format, int channels, bool rf64)
    {
        var rng = new Random(5);
        var samples = Enumerable.Range(0, 999 * channels).Select(_ => (float)(rng.NextDouble() * 2.2 - 1.1)).ToArray();
        var audio = new AudioBuffer(samples, 22050, channels);
        string dir = TestData.TempDirectory();
        string path = Path.Combine(dir, "out.wav");
        WavWriter.Write(path, audio, format, rf64);

        var back = WavReader.Read(path);
        Assert.Equal(format, WavReader.ReadHeader(path).SampleFormat);
        Assert.Equal(rf64, WavReader.ReadHeader(path).IsRf64);
        Assert.Equal(22050, back.SampleRate);
        Assert.Equal(channels, back.Channels);
        double step = format switch
        {
            AudioSampleFormat.UInt8 => 1.0 / 128,
            AudioSampleFormat.Int16 => 1.0 / 32768,
            AudioSampleFormat.Int24 => 1.0 / 8388608,
            AudioSampleFormat.Int32 => 1.0 / 2147483648.0,
            _ => 0,
        };
        for (int i = 0; i < samples.Length; i++)
        {
            // Integer formats clip to [-1, 1 - step] and round to the nearest step.
            double expected = step == 0 ? samples[i] : Math.Clamp(samples[i], -1, 1 - step);
            Assert.True(Math.Abs(back.Samples[i] - expected) <= step / 2 + 1e-7, $"sample {i}: {back.Samples[i]} vs {expected}");
        }
        Assert.Equal(TestData.FfmpegDecode(path), back.Samples);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));
        Directory.Delete(dir, true);
    }
}
