using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Processing;

/// <summary>Against cv2.resize fixtures (tests/data/vision/resize/make_resize_fixtures.py).</summary>
public class ResizeTests
{
    private static Image<byte> Pgm(string name) => Netpbm.Read(TestData.Path("resize", name));

    private static int MaxDiff(Image<byte> a, Image<byte> b)
    {
        Assert.Equal((b.Width, b.Height), (a.Width, a.Height));
        return a.Pixels.Zip(b.Pixels).Max(p => Math.Abs(p.First - p.Second));
    }

    [Theory]
    [InlineData(227, 227)]
    [InlineData(56, 56)]
    [InlineData(45, 31)]
    public void BilinearIsBitExactWithLinearExactAndWithinOneOfLinear(int w, int h)
    {
        var ours = ImageResize.Resize(Pgm("face.pgm"), w, h, ResizeInterpolation.Bilinear);
        Assert.Equal(0, MaxDiff(ours, Pgm($"face_exact_{w}x{h}.pgm")));
        Assert.InRange(MaxDiff(ours, Pgm($"face_linear_{w}x{h}.pgm")), 0, 1);
    }

    [Fact]
    public void BilinearOnWholePhotoIsBitExact() =>
        Assert.Equal(0, MaxDiff(ImageResize.Resize(LoadPhoto(), 300, 211), Pgm("photo_exact_300x211.pgm")));

    [Theory]
    [InlineData(56, 56)]
    [InlineData(45, 31)]
    public void AreaIsWithinOneOfOpenCv(int w, int h) =>
        Assert.InRange(MaxDiff(ImageResize.Resize(Pgm("face.pgm"), w, h, ResizeInterpolation.Area), Pgm($"face_area_{w}x{h}.pgm")), 0, 1);

    internal static Image<byte> LoadPhoto() =>
        MlNetEmotion.Vision.Media.ImageLoader.LoadRgb(TestData.Path("faces", "2008_002506.jpg")).ToGrey();
}
