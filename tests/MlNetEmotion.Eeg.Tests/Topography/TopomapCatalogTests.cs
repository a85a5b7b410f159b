using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography;

namespace MlNetEmotion.Eeg.Tests.Topography;

public class TopomapCatalogTests
{
    public sealed class FileRow
    {
        public string Path { get; set; } = "";
    }

    private static readonly string Edf = TopographyData.Path("S001R01.edf");

    [Fact]
    public void TopomapsColumnIsBandPowerThroughTheInterpolator()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf } });
        var transformed = ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.Topomaps(frameRate: 2, size: 16)).Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 0, 3, 16, 16), transformed.Schema["Topomaps"].Type); // [frames, bands, H, W]
        var maps = transformed.GetColumn<float[]>("Topomaps").Single();
        Assert.Equal(122 * 3 * 16 * 16, maps.Length); // 61 s at 2 fps, theta/alpha/beta

        var recording = EdfReader.Read(Edf);
        var signal = recording.Channels.Select(c => c.Samples).ToArray();
        var power = BandPower.Compute(signal, 160, FrameWindows.ForFrameRate(signal[0].Length, 160, 2), new BandPowerOptions { Bands = FrequencyBand.ThetaAlphaBeta, Method = BandPowerMethod.FilterBank });
        var interp = TopomapInterpolator.Create(StandardMontages.Create("standard_1020").Select(recording.ChannelNames), new TopomapOptions { Size = 16 });
        var values = new float[64];
        var image = new float[256];
        for (int c = 0; c < 64; c++) values[c] = (float)power[100, c, 2];
        interp.Interpolate(values, image);
        Assert.Equal(image, maps.AsSpan((100 * 3 + 2) * 256, 256).ToArray());
    }

    [Fact]
    public void SavedTopomapStepLoadsAndGivesTheSameImages()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf } });
        var model = ml.Transforms.Eeg.ReadEeg()
            .Append(ml.Transforms.Eeg.Topomaps(options: new BandTopomapOptions
            {
                Bands = [FrequencyBand.Alpha],
                FrameRate = 1,
                Scale = BandPowerScale.Log,
                Topomap = TopomapOptions.Bashivan,
            }))
            .Fit(data);
        using var stream = new MemoryStream();
        ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadPipeline(stream, out _);
        var expected = model.Transform(data).GetColumn<float[]>("Topomaps").Single();
        Assert.Equal(61 * 32 * 32, expected.Length);
        Assert.Equal(expected, loaded.Transform(data).GetColumn<float[]>("Topomaps").Single());
    }

    [Fact]
    public void ChannelsMissingFromTheMontageAreNamed()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FileRow { Path = Edf } });
        var transformed = ml.Transforms.Eeg.ReadEeg().Append(ml.Transforms.Eeg.Topomaps(montage: "biosemi64")).Fit(data).Transform(data);
        var e = Assert.Throws<UnknownChannelException>(() => transformed.GetColumn<float[]>("Topomaps").Single());
        Assert.Contains("'T9..'", e.Message);
    }
}
