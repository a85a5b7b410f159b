using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Media;

/// <summary>Every Y4M colour tag ffmpeg writes (odd size, so chroma planes round up), full-range files, frame headers
/// with parameters, interlace tags; and malformed headers as typed errors naming the file.</summary>
public sealed class Y4mVariantTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("yuv420p", "C420jpeg", "")]
    [InlineData("yuv422p", "C422", "")]
    [InlineData("yuv444p", "C444", "")]
    [InlineData("gray", "Cmono", "")]
    [InlineData("yuvj420p", "C420jpeg", "XCOLORRANGE=FULL")]
    [InlineData("yuvj444p", "C444", "XCOLORRANGE=FULL")]
    [InlineData("yuv420p", "C420paldv", "-chroma_sample_location topleft")]
    [InlineData("yuv420p", "C420mpeg2", "-chroma_sample_location left")]
    [InlineData("yuv420p", "It", "-field_order tt")]
    public void DecodesLikeFfmpeg(string pixelFormat, string tag, string extra)
    {
        string path = System.IO.Path.Combine(_dir, $"{pixelFormat}-{tag}.y4m");
        string[] options = extra.StartsWith('-') ? extra.Split(' ') : [];
        TestData.Ffmpeg(["-y", "-f", "lavfi", "-i", "testsrc2=size=64x32:rate=25", "-frames:v", "3",
            .. options, "-pix_fmt", pixelFormat, "-strict", "-1", path]);
        string header = File.ReadLines(path).First();
        Assert.Contains(" " + tag, header);
        if (!extra.StartsWith('-')) Assert.Contains(extra, header);
        // Parameters after FRAME are legal; the reader must skip them.
        var bytes = File.ReadAllBytes(path);
        var withParameters = System.Text.Encoding.ASCII.GetBytes("FRAME Ixyz XSOMETHING=1");
        using var patched = new MemoryStream();
        int at = Array.IndexOf(bytes, (byte)'\n') + 1;
        patched.Write(bytes, 0, at);
        patched.Write(withParameters);
        patched.Write(bytes, at + 5, bytes.Length - at - 5);
        File.WriteAllBytes(path, patched.ToArray());

        var reference = TestData.FfmpegRaw(path, "rgb24");
        using var reader = new Y4mReader(path);
        var frames = reader.ReadFrames().ToList();
        Assert.Equal(3, frames.Count);
        int size = 64 * 32 * 3, worst = 0;
        double sum = 0;
        for (int f = 0; f < frames.Count; f++)
        {
            Assert.Equal((f, 64, 32), ((int)frames[f].Index, frames[f].Image.Width, frames[f].Image.Height));
            for (int i = 0; i < size; i++)
            {
                int d = Math.Abs(frames[f].Image.Pixels[i] - reference[f * size + i]);
                worst = Math.Max(worst, d);
                sum += d;
            }
        }
        Assert.True(worst <= 4, $"max |diff| {worst}");
        Assert.True(sum / (3.0 * size) < 1.0, $"mean |diff| {sum / (3.0 * size)}");
    }

    [Theory]
    [InlineData("yuv420p")]
    [InlineData("yuv422p")]
    public void OddSizeChromaPlanesRoundUp(string pixelFormat)
    {
        // swscale interpolates chroma at odd sizes, so only the frame layout is compared exactly: a wrong plane size would
        // misplace every later FRAME marker (a typed error) or shift the pixels of later frames far beyond the mean below.
        string path = System.IO.Path.Combine(_dir, $"odd-{pixelFormat}.y4m");
        TestData.Ffmpeg("-y", "-f", "lavfi", "-i", "color=c=0x3060C0:size=33x17:rate=25", "-frames:v", "3", "-pix_fmt", pixelFormat, path);
        var reference = TestData.FfmpegRaw(path, "rgb24");
        using var reader = new Y4mReader(path);
        var frames = reader.ReadFrames().ToList();
        Assert.Equal(3, frames.Count);
        var ours = frames.SelectMany(f => f.Image.Pixels).ToArray();
        Assert.Equal(reference.Length, ours.Length);
        Assert.All(Enumerable.Range(0, ours.Length), i => Assert.InRange(ours[i] - reference[i], -2, 2));
    }

    [Theory]
    [InlineData("YUV4MPEG2 W32 H16 F30 C420jpeg", "F30")]
    [InlineData("YUV4MPEG2 Wabc H16 F30:1", "Wabc")]
    [InlineData("YUV4MPEG2 W32 F30:1", "W and H")]
    [InlineData("YUV4MPEG2 W32 H16 F30:0", "F30:0")]
    [InlineData("YUV4MPEG2 W32 H16 F30:1 C420p10 XYSCSS=420P10", "C420p10")]
    [InlineData("YUV4MPEG2 W99999999999 H16", "W99999999999")]
    [InlineData("MPEG4 W32 H16", "YUV4MPEG2")]
    public void BadHeaderIsATypedErrorNamingFileAndField(string header, string named)
    {
        string path = System.IO.Path.Combine(_dir, "bad.y4m");
        File.WriteAllText(path, header + "\nFRAME\n");
        var e = Assert.Throws<MediaException>(() => new Y4mReader(path));
        Assert.Equal(path, e.FileName);
        Assert.Contains(named, e.Message);
    }
}
