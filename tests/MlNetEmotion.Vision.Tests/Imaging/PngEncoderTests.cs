using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Tests.Imaging;

public class PngEncoderTests
{
    [Fact]
    public void EightBitRoundTripIsExact()
    {
        var gen = from w in Gen.Choose(1, 40)
                  from h in Gen.Choose(1, 30)
                  from c in Gen.Choose(1, 4)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (w, h, c, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var image = PngDecoderTests.RandomImage(new Random(t.seed), t.w, t.h, t.c);
            var back = PngDecoder.Decode(PngEncoder.Encode(image));
            return back.Channels == t.c && back.Width == t.w && back.Pixels.AsSpan().SequenceEqual(image.Pixels);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SixteenBitRoundTripIsExact()
    {
        var random = new Random(11);
        for (int c = 1; c <= 4; c++)
        {
            var image = new Image<ushort>(17, 9, c);
            for (int i = 0; i < image.Pixels.Length; i++) image.Pixels[i] = (ushort)random.Next(65536);
            Assert.Equal(image.Pixels, PngDecoder.Decode16(PngEncoder.Encode(image)).Pixels);
        }
    }

    [Fact]
    public void FfmpegReadsOurPngsIdentically()
    {
        string dir = TestData.TempDir();
        string[] formats = ["gray", "ya8", "rgb24", "rgba"];
        for (int c = 1; c <= 4; c++)
        {
            var image = PngDecoderTests.RandomImage(new Random(c), 33, 21, c);
            string path = System.IO.Path.Combine(dir, $"ours{c}.png");
            PngEncoder.Write(path, image);
            Assert.Equal(image.Pixels, TestData.FfmpegRaw(path, formats[c - 1]));
        }
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void NetpbmMatchesFfmpegAndRoundTrips()
    {
        string dir = TestData.TempDir();
        string png = TestData.Path("png", "rustc-image3.png");
        string ppm = System.IO.Path.Combine(dir, "a.ppm"), pgm = System.IO.Path.Combine(dir, "a.pgm");
        TestData.Ffmpeg("-i", png, "-pix_fmt", "rgb24", ppm);
        TestData.Ffmpeg("-i", png, "-pix_fmt", "gray", pgm);
        Assert.Equal(TestData.FfmpegRaw(png, "rgb24"), Netpbm.Read(ppm).Pixels);
        Assert.Equal(TestData.FfmpegRaw(pgm, "gray"), Netpbm.Read(pgm).Pixels);
        var image = PngDecoderTests.RandomImage(new Random(5), 7, 5, 3);
        string mine = System.IO.Path.Combine(dir, "mine.ppm");
        Netpbm.Write(mine, image);
        Assert.Equal(image.Pixels, Netpbm.Read(mine).Pixels);
        Assert.Equal(image.Pixels, TestData.FfmpegRaw(mine, "rgb24"));
    }

    [Fact]
    public void AsciiPgmWithCommentsAndMaxval()
    {
        var image = Netpbm.Decode("P2\n# comment\n3 2\n15\n0 15 7\n1 2 3\n"u8, "ascii.pgm");
        Assert.Equal(new byte[] { 0, 255, 119, 17, 34, 51 }, image.Pixels);
        var e = Assert.Throws<ImageFormatException>(() => Netpbm.Decode("P2\n3 2\n15\n0 16 7\n1 2 3\n"u8, "bad.pgm"));
        Assert.Contains("bad.pgm", e.Message);
    }

    [Fact]
    public void GreyMatchesOpenCvWeights()
    {
        var rgb = new Image<byte>(3, 1, 3, [255, 0, 0, 0, 255, 0, 10, 20, 200]);
        // cv2.cvtColor(..., COLOR_RGB2GRAY) on these pixels gives 76, 150, 38.
        Assert.Equal(new byte[] { 76, 150, 38 }, rgb.ToGrey().Pixels);
        // A pixel where OpenCV 4.6's 15-bit weights and the classic 14-bit ones disagree: OpenCV gives 141 (14-bit: 140).
        Assert.Equal(new byte[] { 141 }, new Image<byte>(1, 1, 3, [104, 179, 38]).ToGrey().Pixels);
    }
}
