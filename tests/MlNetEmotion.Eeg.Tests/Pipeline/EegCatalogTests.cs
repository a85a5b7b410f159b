using MlNetEmotion.Data;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Pipeline;
using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Resampling;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Eeg.Tests.Pipeline;

public class EegCatalogTests
{
    public sealed class FileRow
    {
        public string Path { get; set; } = "";
    }

    private static readonly string Edf = TestData.Path("S001R01.edf");
    private static readonly Lazy<double[][]> Raw = new(() => EdfReader.Read(Edf).Channels.Select(c => c.Samples).ToArray());

    private static EegSignal Run(IEstimator<ITransformer> pipeline, params string[] paths)
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(paths.Select(p => new FileRow { Path = p }).ToArray());
        return pipeline.Fit(data).Transform(data).GetColumn<EegSignal>("Signal").First();
    }

    private static void AssertChannels(double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int c = 0; c < expected.Length; c++) Assert.Equal(expected[c], actual[c]);
    }

    [Fact]
    public void ReadEegGivesTheReadersChannels()
    {
        var ml = new MLContext(1);
        var signal = Run(ml.Transforms.Eeg.ReadEeg(), Edf);
        Assert.Equal(160, signal.SamplingRate);
        Assert.Equal("Fc5.", signal.ChannelNames[0]);
        AssertChannels(Raw.Value, signal.Data);
    }

    [Fact]
    public void BandPassIsSosFiltFilt()
    {
        var ml = new MLContext(1);
        var signal = Run(ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.BandPass(lowHz: 4, highHz: 45)), Edf);
        AssertChannels(SosFilter.SosFiltFilt(Butterworth.BandPass(4, 4, 45, 160), Raw.Value), signal.Data);
    }

    [Fact]
    public void NotchIsIirNotchFiltFilt()
    {
        var ml = new MLContext(1);
        var signal = Run(ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.Notch(frequencyHz: 60, quality: 25)), Edf);
        var filter = IirNotch.Design(60, 25, 160);
        AssertChannels(Raw.Value.Select(x => TransferFunctionFilter.FiltFilt(filter, x)).ToArray(), signal.Data);
    }

    [Fact]
    public void ResampleIsResamplePolyWithReducedRatio()
    {
        var ml = new MLContext(1);
        var signal = Run(ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.Resample(targetRate: 128)), Edf);
        Assert.Equal(128, signal.SamplingRate);
        AssertChannels(Raw.Value.Select(x => PolyphaseResampler.ResamplePoly(x, 4, 5)).ToArray(), signal.Data);
    }

    [Fact]
    public void WaveletDenoiseIsTheDenoiser()
    {
        var ml = new MLContext(1);
        var options = new WaveletDenoiseOptions { Wavelet = "sym8", Level = 4 };
        var signal = Run(ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.WaveletDenoise(options: options)), Edf);
        AssertChannels(Raw.Value.Select(x => WaveletDenoiser.Denoise(x, options)).ToArray(), signal.Data);
    }

    [Fact]
    public void BaselineRemovalIsTheLibraryFunction()
    {
        var ml = new MLContext(1);
        var signal = Run(ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.BaselineRemoval(method: BaselineMethod.PerSecondMean)), Edf);
        AssertChannels(Raw.Value.Select(x => BaselineRemoval.Apply(x, 160, 3, BaselineMethod.PerSecondMean)).ToArray(), signal.Data);
    }

    [Fact]
    public void SegmentThenBandPowerAndDifferentialEntropyMatchTheLibrary()
    {
        var ml = new MLContext(1);
        var options = new BandPowerOptions { Method = BandPowerMethod.FilterBank, Scale = BandPowerScale.Log, Bands = FrequencyBand.ThetaAlphaBeta };
        var pipeline = ml.Transforms.Eeg.ReadEeg()
            .Append(ml.Transforms.Eeg.Segment(frameRate: 8, overlap: 0.5))
            .Append(ml.Transforms.Eeg.BandPower(options: options))
            .Append(ml.Transforms.Eeg.DifferentialEntropy(asVector: true));
        var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf } });
        var output = pipeline.Fit(data).Transform(data);
        Assert.Equal(EegSignalColumn.FeatureVectorType, output.Schema["DifferentialEntropy"].Type);

        var windows = FrameWindows.ForFrameRate(9760, 160, 8, 0.5);
        var power = output.GetColumn<BandFeatures>("BandPower").Single();
        var expectedPower = BandPower.Compute(Raw.Value, 160, windows, options);
        Assert.Equal(expectedPower.Values, power.Values);
        Assert.Equal("Fc5.", power.ChannelNames![0]);

        var entropy = output.GetColumn<float[]>("DifferentialEntropy").Single();
        var expectedEntropy = DifferentialEntropy.Compute(Raw.Value, 160, windows);
        Assert.Equal(expectedEntropy.Values.Select(v => (float)v), entropy);
    }

    [Fact]
    public void NormalizePerChannelLearnsOnTrainingRowsOnly()
    {
        var ml = new MLContext(1);
        string shortCopy = Path.Combine(TestData.TempDirectory(), "short.edf");
        var recording = EdfReader.Read(Edf);
        EdfWriter.Write(shortCopy, new EegRecording(recording.Channels.Select(c => c with { Samples = c.Samples[..1600] }).ToArray()));
        var train = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf }, new FileRow { Path = shortCopy } });
        var test = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = shortCopy } });

        var model = ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.NormalizePerChannel()).Fit(train);
        var copy = EdfReader.Read(shortCopy).Channels.Select(c => c.Samples).ToArray();
        var expected = ChannelNormalizer.Fit([Raw.Value, copy]).Transform(copy);
        AssertChannels(expected, model.Transform(test).GetColumn<EegSignal>("Signal").Single().Data);
    }

    [Fact]
    public void SavedChainLoadsAndGivesTheSameFeatures()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf } });
        var model = ml.Transforms.Eeg.ReadEeg()
            .Append(ml.Transforms.Eeg.BandPass(lowHz: 1, highHz: 45))
            .Append(ml.Transforms.Eeg.NormalizePerChannel())
            .Append(ml.Transforms.Eeg.Segment(frameRate: 2))
            .Append(ml.Transforms.Eeg.BandPower(asVector: true))
            .Fit(data);
        using var stream = new MemoryStream();
        ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadPipeline(stream, out _);
        Assert.Equal(model.Transform(data).GetColumn<float[]>("BandPower").Single(), loaded.Transform(data).GetColumn<float[]>("BandPower").Single());
    }

    [Fact]
    public void MissingOrWrongColumnsAreSchemaErrors()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf } });
        var missing = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Eeg.BandPass(inputColumnName: "Nope").Fit(data));
        Assert.Contains("Nope", missing.Message);
        var wrong = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Eeg.BandPower(inputColumnName: "Path").Fit(data));
        Assert.Contains("EegSignal", wrong.Message);
    }

    [Fact]
    public void BandAtNyquistFailsNamingTheFileStepAndValue()
    {
        var ml = new MLContext(1);
        var pipeline = ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.BandPass(lowHz: 4, highHz: 90));
        var error = Assert.Throws<EegStepException>(() => Run(pipeline, Edf));
        Assert.Equal(Edf, error.SignalSource);
        Assert.Equal(nameof(BandPassOperation), error.Step);
        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(error.InnerException);
        Assert.StartsWith($"{Edf}: BandPassOperation failed: ", error.Message);
        Assert.Contains("90", error.Message);
    }

    [Fact]
    public void LogBandPowerOfAFlatChannelFailsNamingFileChannelAndWindow()
    {
        var ml = new MLContext(1);
        var recording = EdfReader.Read(Edf);
        string flatCopy = Path.Combine(Path.GetTempPath(), $"flat-{Guid.NewGuid():N}.edf");
        EdfWriter.Write(flatCopy, new EegRecording(recording.Channels
            .Select(c => c with { Samples = c.Name == "Cz.." ? new double[1600] : c.Samples[..1600] }).ToArray()));
        try
        {
            var pipeline = ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.Segment(frameRate: 1))
                .Append(ml.Transforms.Eeg.BandPower(options: new BandPowerOptions { Scale = BandPowerScale.Log }, asVector: true));
            var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = flatCopy } });
            var error = Assert.Throws<EegStepException>(() => pipeline.Fit(data).Transform(data).GetColumn<float[]>("BandPower").First());
            Assert.Equal(nameof(BandPowerFeature), error.Step);
            Assert.StartsWith($"{flatCopy}: BandPowerFeature failed: channel 'Cz..', window 0, band 'theta': the feature is -", error.Message);
            // The same chain with linear power is finite: zero power is a value, only its logarithm is not.
            var linear = ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.Segment(frameRate: 1)).Append(ml.Transforms.Eeg.BandPower(asVector: true));
            Assert.Contains(0f, linear.Fit(data).Transform(data).GetColumn<float[]>("BandPower").First());
        }
        finally
        {
            File.Delete(flatCopy);
        }
    }
}
