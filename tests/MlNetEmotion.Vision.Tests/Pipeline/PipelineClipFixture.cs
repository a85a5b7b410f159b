namespace MlNetEmotion.Vision.Tests.Pipeline;

/// <summary>Clips made by ffmpeg once per test class from a real photo (scikit-image's astronaut head, public domain):
/// <see cref="Clip"/> is 1.6 s at 10 fps, 112×112 H.264: 6 frames of the photo (scaled down), 4 black frames, 6 of the photo;
/// <see cref="BlackClip"/> is 0.5 s of black frames (no face anywhere).</summary>
public sealed class PipelineClipFixture : IDisposable
{
    public const int Fps = 10, Frames = 16, Side = 112;

    public PipelineClipFixture()
    {
        Directory = TestData.TempDir();
        Photo = TestData.Path("expression", "astronaut_head.png");
        Clip = System.IO.Path.Combine(Directory, "astronaut.mp4");
        TestData.Ffmpeg("-loop", "1", "-framerate", "10", "-t", "0.6", "-i", Photo,
            "-f", "lavfi", "-t", "0.4", "-i", $"color=black:size={Side}x{Side}:rate={Fps}",
            "-loop", "1", "-framerate", "10", "-t", "0.6", "-i", Photo,
            "-filter_complex", $"[0:v]scale={Side}:{Side},format=yuv420p,setsar=1[a];[1:v]format=yuv420p,setsar=1[b];[2:v]scale={Side}:{Side},format=yuv420p,setsar=1[c];[a][b][c]concat=n=3:v=1:a=0[v]",
            "-map", "[v]", "-r", "10", "-c:v", "libx264", "-crf", "18", "-pix_fmt", "yuv420p", Clip);
        BlackClip = System.IO.Path.Combine(Directory, "black.mp4");
        TestData.Ffmpeg("-f", "lavfi", "-i", $"color=black:size=64x64:rate={Fps}", "-t", "0.5", "-c:v", "libx264", "-pix_fmt", "yuv420p", BlackClip);
        var all = TestData.FfmpegRaw(Clip, "rgb24");
        int size = Side * Side * 3;
        Reference = Enumerable.Range(0, all.Length / size).Select(i => all.AsSpan(i * size, size).ToArray()).ToArray();
        NotAVideo = System.IO.Path.Combine(Directory, "notes.mp4");
        File.WriteAllText(NotAVideo, "this is text, not a video");
    }

    public string Directory { get; }

    /// <summary>The 224×224 astronaut head photo.</summary>
    public string Photo { get; }

    public string Clip { get; }

    /// <summary>Every frame of <see cref="Clip"/> as ffmpeg decodes it (RGB).</summary>
    public byte[][] Reference { get; }

    public string BlackClip { get; }

    /// <summary>A text file with a video extension.</summary>
    public string NotAVideo { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>A row of a video manifest.</summary>
public sealed class VideoRow
{
    public string VideoPath { get; set; } = "";
}
