namespace MlNetEmotion.Vision.Tests.Media;

/// <summary>A 2-second 30 fps H.264 clip made by ffmpeg once per test class, and ffmpeg's own decode of every frame.</summary>
public sealed class ClipFixture : IDisposable
{
    public const int Width = 96, Height = 64, Fps = 30, Frames = 60;

    public ClipFixture()
    {
        Directory = TestData.TempDir();
        Path = System.IO.Path.Combine(Directory, "clip.mp4");
        TestData.Ffmpeg("-f", "lavfi", "-i", $"testsrc2=size={Width}x{Height}:rate={Fps}", "-t", "2",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "12", Path);
        var all = TestData.FfmpegRaw(Path, "rgb24");
        int size = Width * Height * 3;
        Reference = Enumerable.Range(0, all.Length / size).Select(i => all.AsSpan(i * size, size).ToArray()).ToArray();
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Every frame as ffmpeg decodes it.</summary>
    public byte[][] Reference { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
