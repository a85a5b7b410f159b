using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Pipeline;

public class ChannelFirstPixelsTests
{
    [Fact]
    public void VectorisedChannelFirstIsTheScalarNormalisationTransposedBitForBit()
    {
        var gen = from w in Gen.Choose(1, 40)
                  from h in Gen.Choose(1, 20)
                  from rgb in Gen.Elements(false, true)
                  from kind in Gen.Elements(NormalizationKind.ZeroToOne, NormalizationKind.MinusOneToOne, NormalizationKind.ImageNet)
                  from seed in Gen.Choose(0, 100000)
                  where rgb || kind != NormalizationKind.ImageNet
                  select (w, h, c: rgb ? 3 : 1, kind, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var image = Imaging.PngDecoderTests.RandomImage(new Random(t.seed), t.w, t.h, t.c);
            var hwc = ImageNormalization.Normalize(image, t.kind).Pixels;
            var chw = new float[hwc.Length + 2];
            chw[0] = chw[^1] = float.NaN; // guards: nothing outside the destination slice is written
            ChannelFirstPixels.Write(image, t.kind, chw.AsSpan(1, hwc.Length));
            int plane = t.w * t.h;
            var expected = new float[hwc.Length];
            for (int p = 0; p < plane; p++)
                for (int c = 0; c < t.c; c++) expected[c * plane + p] = hwc[p * t.c + c];
            return MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(chw.AsSpan(1, hwc.Length)))
                   && float.IsNaN(chw[0]) && float.IsNaN(chw[^1]);
        }).QuickCheckThrowOnFailure();
    }
}
