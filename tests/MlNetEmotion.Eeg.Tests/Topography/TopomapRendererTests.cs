using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Eeg.Topography.Rendering;

namespace MlNetEmotion.Eeg.Tests.Topography;

public class TopomapRendererTests
{
    [Fact]
    public void PictureIsTransparentOutsideTheHeadAndColouredInside()
    {
        var interp = TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020);
        var map = new float[interp.Height * interp.Width];
        interp.Interpolate(TopomapCases.Power64.Take(64).Select(v => (float)v).ToArray(), map);
        var picture = TopomapRenderer.Render(interp, map, new TopomapRenderOptions { Scale = 4, DrawElectrodes = false });
        Assert.Equal(4, picture.Channels);
        Assert.Equal(0, picture[0, 0, 3]);
        int c = picture.Width / 2;
        Assert.Equal(255, picture[c, c, 3]);
        // the centre pixel takes a colour from the map (no outline there)
        var colours = Enumerable.Range(0, 10001).Select(i => ColorMap.Viridis[i / 10000.0]).ToHashSet();
        Assert.Contains((picture[c, c, 0], picture[c, c, 1], picture[c, c, 2]), colours);
        Assert.DoesNotContain(((byte)0, (byte)0, (byte)0), colours);
    }

    [Fact]
    public void ColorMapEndsAreTheStops()
    {
        Assert.Equal(((byte)0x44, (byte)0x01, (byte)0x54), ColorMap.Viridis[0]);
        Assert.Equal(((byte)0xfd, (byte)0xe7, (byte)0x25), ColorMap.Viridis[1]);
        Assert.Equal(ColorMap.RdBuR[1], ColorMap.Parse("rdbu_r")[2]);
        Assert.Throws<ArgumentException>(() => ColorMap.Parse("jet"));
    }

    [Fact]
    public void WrongMapSizeIsRejected() =>
        Assert.Throws<ArgumentException>(() => TopomapRenderer.Render(TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020), new float[10]));
}
