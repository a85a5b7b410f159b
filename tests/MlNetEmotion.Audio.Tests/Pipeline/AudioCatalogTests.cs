using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Audio.Pipeline;
using MlNetEmotion.Data;

namespace MlNetEmotion.Audio.Tests.Pipeline;

/// <summary>The <c>mlContext.Transforms.Audio</c> steps as one chained pipeline on real speech.</summary>
public class AudioCatalogTests
{
    private sealed class Row
    {
        public string Path { get; set; } = "";
    }

    private static IDataView Paths(MLContext ml, params string[] paths) =>
        ml.Data.LoadFromEnumerable(paths.Select(p => new Row { Path = p }).ToList());

    [Fact]
    public void MfccColumnMatchesTorchaudio()
    {
        var ml = new MLContext(1);
        var data = Paths(ml, TestData.Speech);
        var model = ml.Transforms.Audio.ReadAudio().Append(ml.Transforms.Audio.Mfcc()).Fit(data);
        var output = model.Transform(data);
        var type = (VectorDataViewType)output.Schema["Mfcc"].Type;
        Assert.Equal(new[] { 40, 0 }, type.Dimensions.ToArray());
        var mfcc = output.GetColumn<float[]>("Mfcc").Single();
        var (expected, _) = TestData.Npy("mfcc_torchaudio.npy");
        Assert.True(TestData.RelativeError(mfcc, expected) < 1e-4);
    }

    [Fact]
    public void KaldiFbankThroughLogMelSpectrogram()
    {
        var ml = new MLContext(1);
        var data = Paths(ml, TestData.Speech);
        var fbank = ml.Transforms.Audio.ReadAudio().Append(ml.Transforms.Audio.LogMelSpectrogram(options: FeaturePresets.KaldiFbank())).Fit(data)
            .Transform(data).GetColumn<float[]>("LogMel").Single();
        var (expected, shape) = TestData.Npy("fbank_kaldi.npy"); // [frames, 23]
        var frameMajor = new float[fbank.Length];
        for (int m = 0; m < 23; m++)
            for (int t = 0; t < shape[0]; t++) frameMajor[t * 23 + m] = fbank[m * shape[0] + t];
        Assert.True(TestData.RelativeError(frameMajor, expected) < 1e-4);
    }

    [Fact]
    public void FullChainGivesFixedSizeImagesAndSurvivesSaveAndLoad()
    {
        string dir = TestData.TempDirectory();
        // A second row: the speech at 8 kHz in stereo with a second of silence on both sides.
        var speech = WavReader.Read(TestData.Speech);
        var low = AudioResampler.Resample(speech, 8000);
        var padded = new float[8000].Concat(low.Samples).Concat(new float[8000]).SelectMany(v => new[] { v, v * 0.5f }).ToArray();
        string stereo = Path.Combine(dir, "stereo8k.wav");
        WavWriter.Write(stereo, new AudioBuffer(padded, 8000, 2), AudioSampleFormat.Float32);

        var ml = new MLContext(1);
        var data = Paths(ml, TestData.Speech, stereo);
        var pipeline = ml.Transforms.Audio.ReadAudio()
            .Append(ml.Transforms.Audio.Resample(targetRate: 16000))
            .Append(ml.Transforms.Audio.TrimSilence())
            .Append(ml.Transforms.Audio.Mfcc(options: FeaturePresets.KaldiMfcc()))
            .Append(ml.Transforms.Audio.Deltas())
            .Append(ml.Transforms.Audio.FixLength(frames: 250));
        var model = pipeline.Fit(data);
        var output = model.Transform(data);
        Assert.Equal(new[] { 3, 13, 250 }, ((VectorDataViewType)output.Schema["Image"].Type).Dimensions.ToArray());
        var images = output.GetColumn<float[]>("Image").ToList();
        Assert.All(images, image => Assert.Equal(3 * 13 * 250, image.Length));
        var trimmed = output.GetColumn<AudioBuffer>("Audio").ToList();
        Assert.Equal(16000, trimmed[1].SampleRate);
        Assert.InRange(trimmed[1].DurationSeconds, 2.5, 3.6); // most of the 2 s of padding is gone

        string file = Path.Combine(dir, "model.bin");
        ml.Model.SavePipeline(model, data.Schema, file);
        var loaded = ml.Model.LoadPipeline(file, out _);
        var again = loaded.Transform(data).GetColumn<float[]>("Image").ToList();
        Assert.Equal(images[0], again[0]);
        Assert.Equal(images[1], again[1]);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void FeatureStepsCheckTheirInputColumns()
    {
        var ml = new MLContext(1);
        var data = Paths(ml, TestData.Speech);
        var ex = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Audio.Mfcc(inputColumnName: "Path").Fit(data));
        Assert.Contains("Path", ex.Message);
        Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Audio.ReadAudio(inputColumnName: "Missing").Fit(data));
    }

    [Fact]
    public void ABadFileNamesTheFileWhenRowsAreRead()
    {
        string dir = TestData.TempDirectory();
        string bad = Path.Combine(dir, "bad.wav");
        File.WriteAllBytes(bad, File.ReadAllBytes(TestData.Speech)[..30]);
        var ml = new MLContext(1);
        var data = Paths(ml, bad);
        var output = ml.Transforms.Audio.ReadAudio().Append(ml.Transforms.Audio.Mfcc()).Fit(data).Transform(data);
        var ex = Assert.ThrowsAny<AudioFormatException>(() => output.GetColumn<float[]>("Mfcc").ToList());
        Assert.Contains("bad.wav", ex.Message);
        Directory.Delete(dir, true);
    }
}
