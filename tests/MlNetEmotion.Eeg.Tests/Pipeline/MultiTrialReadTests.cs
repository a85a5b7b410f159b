using MlNetEmotion.Data;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.IO.Mat;
using MlNetEmotion.Eeg.Pipeline;

namespace MlNetEmotion.Eeg.Tests.Pipeline;

/// <summary>ReadEeg with a trial-number column over DEAP- and EAV-layout MAT-files written by our MAT writer: every row
/// gets exactly its trial's samples, in the layout each corpus stores.</summary>
public sealed class MultiTrialReadTests : IDisposable
{
    public sealed class TrialRow
    {
        public string EegPath { get; set; } = "";
        public int EegTrialIndex { get; set; }
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("mlnemo-multitrial-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The value every layout stores for (trial, channel, sample): unique, so a mix-up cannot pass.</summary>
    private static double Value(int trial, int channel, int sample) => trial * 1000 + channel * 10 + sample * 0.01;

    private string WriteDeap(int trials, int channels, int samples)
    {
        var data = new double[trials * channels * samples];
        for (int t = 0; t < trials; t++)
            for (int c = 0; c < channels; c++)
                for (int s = 0; s < samples; s++) data[(t * channels + c) * samples + s] = Value(t, c, s);
        var labels = Enumerable.Range(0, trials * 4).Select(i => 1.0 + i % 9).ToArray();
        string path = Path.Combine(_folder, "s01.mat");
        MatWriter.Write(path, [new("data", MatNumericArray.FromRowMajor(data, trials, channels, samples)),
            new("labels", MatNumericArray.FromRowMajor(labels, trials, 4))]);
        return path;
    }

    private string WriteEav(int trials, int channels, int samples)
    {
        var seg = new double[samples * channels * trials];
        for (int s = 0; s < samples; s++)
            for (int c = 0; c < channels; c++)
                for (int t = 0; t < trials; t++) seg[(s * channels + c) * trials + t] = Value(t, c, s);
        string path = Path.Combine(_folder, "subject01_eeg.mat");
        MatWriter.Write(path, [new("seg1", MatNumericArray.FromRowMajor(seg, samples, channels, trials))]);
        return path;
    }

    private static EegSignal[] Read(IEstimator<ITransformer> pipeline, string path, params int[] trialNumbers)
    {
        var ml = new MLContext(1);
        var rows = ml.Data.LoadFromEnumerable(trialNumbers.Select(t => new TrialRow { EegPath = path, EegTrialIndex = t }).ToArray());
        return pipeline.Fit(rows).Transform(rows).GetColumn<EegSignal>("Signal").ToArray();
    }

    private static void AssertTrial(EegSignal signal, int trial, int channels, int samples)
    {
        Assert.Equal(channels, signal.Data.Length);
        for (int c = 0; c < channels; c++)
            Assert.Equal(Enumerable.Range(0, samples).Select(s => Value(trial, c, s)), signal.Data[c]);
    }

    [Fact]
    public void DeapRowsGetTheirTrialsEegChannelsAt128Hz()
    {
        string path = WriteDeap(trials: 3, channels: 40, samples: 16);
        var ml = new MLContext(1);
        var signals = Read(ml.Transforms.Eeg.ReadEeg("Signal", "EegPath", trialColumnName: "EegTrialIndex"), path, 3, 1, 2);
        for (int row = 0; row < 3; row++)
        {
            Assert.Equal(128, signals[row].SamplingRate);
            Assert.Equal(DeapSubject.ChannelNames.Take(32), signals[row].ChannelNames);   // peripheral channels are not voltage
            AssertTrial(signals[row], new[] { 2, 0, 1 }[row], 32, 16);
        }
    }

    [Fact]
    public void EavRowsGetTheirTrialsWithGivenNamesAndRate()
    {
        string path = WriteEav(trials: 4, channels: 3, samples: 10);
        var ml = new MLContext(1);
        var options = new EegFileOptions { ChannelNames = ["Fp1", "Fz", "Cz"] };
        var signals = Read(ml.Transforms.Eeg.ReadEeg("Signal", "EegPath", options, "EegTrialIndex"), path, 4, 2);
        Assert.Equal(500, signals[0].SamplingRate);
        Assert.Equal(["Fp1", "Fz", "Cz"], signals[0].ChannelNames);
        AssertTrial(signals[0], 3, 3, 10);
        AssertTrial(signals[1], 1, 3, 10);
    }

    [Fact]
    public void ATrialNumberOutsideTheFileNamesFileAndCount()
    {
        string path = WriteEav(trials: 2, channels: 1, samples: 4);
        var ml = new MLContext(1);
        var e = Assert.Throws<EegFormatException>(() => Read(ml.Transforms.Eeg.ReadEeg("Signal", "EegPath", trialColumnName: "EegTrialIndex"), path, 3));
        Assert.Contains(path, e.Message);
        Assert.Contains("2 trials", e.Message);
    }

    [Fact]
    public void AFileOfNeitherLayoutNamesWhatWasFound()
    {
        string path = Path.Combine(_folder, "other.mat");
        MatWriter.Write(path, [new("x", MatNumericArray.FromRowMajor([1, 2], 1, 2))]);
        var e = Assert.Throws<EegFormatException>(() => MultiTrialMat.Read(path));
        Assert.Contains("found x", e.Message);
    }

    [Fact]
    public void TheTrialColumnSurvivesSaveAndLoad()
    {
        string path = WriteDeap(trials: 2, channels: 32, samples: 8);
        var ml = new MLContext(1);
        var rows = ml.Data.LoadFromEnumerable(new[] { new TrialRow { EegPath = path, EegTrialIndex = 2 } });
        var model = ml.Transforms.Eeg.ReadEeg("Signal", "EegPath", trialColumnName: "EegTrialIndex").Fit(rows);
        using var stream = new MemoryStream();
        ml.Model.SavePipeline(model, rows.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadPipeline(stream, out _);
        AssertTrial(loaded.Transform(rows).GetColumn<EegSignal>("Signal").Single(), 1, 32, 8);
    }
}
