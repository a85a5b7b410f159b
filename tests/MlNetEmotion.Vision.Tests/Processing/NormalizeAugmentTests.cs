using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Processing;

public class NormalizeAugmentTests
{
    [Fact]
    public void NormalisationsMapKnownValues()
    {
        var image = new Image<byte>(2, 1, 3, [0, 128, 255, 255, 255, 255]);
        Assert.Equal([0f, 128 / 255f, 1f], ImageNormalization.Normalize(image, NormalizationKind.ZeroToOne).Pixels[..3]);
        var pm = ImageNormalization.Normalize(image, NormalizationKind.MinusOneToOne).Pixels;
        Assert.Equal(-1f, pm[0]);
        Assert.Equal(1f, pm[2]);
        var inet = ImageNormalization.Normalize(image, NormalizationKind.ImageNet).Pixels;
        Assert.Equal((1f - 0.485f) / 0.229f, inet[3], 5);
        Assert.Equal((0f - 0.406f) / 0.225f, ImageNormalization.Normalize(new Image<byte>(1, 1, 3), NormalizationKind.ImageNet).Pixels[2], 5);
        Assert.Throws<ArgumentException>(() => ImageNormalization.Normalize(new Image<byte>(2, 2, 1), NormalizationKind.ImageNet));
    }

    [Fact]
    public void AugmentationIsSeededAndKeepsSize()
    {
        var photo = ResizeTests.LoadPhoto();
        var a = new ImageAugmenter(seed: 7).Augment(photo);
        var b = new ImageAugmenter(seed: 7).Augment(photo);
        var c = new ImageAugmenter(seed: 8).Augment(photo);
        Assert.Equal(a.Pixels, b.Pixels);
        Assert.NotEqual(a.Pixels, c.Pixels);
        Assert.Equal((photo.Width, photo.Height), (a.Width, a.Height));
        var none = new ImageAugmenter(new AugmentationOptions { CropFraction = 1, MaxRotationDegrees = 0, FlipProbability = 0 }).Augment(photo);
        Assert.Equal(photo.Pixels, none.Pixels);
    }

    [Fact]
    public void FlipTwiceAndZeroRotationAreIdentity()
    {
        var gen = from w in Gen.Choose(1, 20) from h in Gen.Choose(1, 20) from c in Gen.Choose(1, 4) from seed in Gen.Choose(0, 1000) select (w, h, c, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var image = Imaging.PngDecoderTests.RandomImage(new Random(t.seed), t.w, t.h, t.c);
            return ImageAugmenter.FlipHorizontal(ImageAugmenter.FlipHorizontal(image)).Pixels.AsSpan().SequenceEqual(image.Pixels)
                   && ImageAugmenter.Rotate(image, 0).Pixels.AsSpan().SequenceEqual(image.Pixels);
        }).QuickCheckThrowOnFailure();
    }
}
