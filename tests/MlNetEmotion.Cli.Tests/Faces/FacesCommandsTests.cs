using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Cli.Tests.Faces;

public class FacesCommandsTests
{
    /// <summary>tests/data/vision, found from this source file (the build output may live outside the repository).</summary>
    private static string Data(params string[] parts) =>
        Path.Combine([Path.GetDirectoryName(SourcePath())!, "..", "..", "data", "vision", .. parts]);

    private static string SourcePath([CallerFilePath] string path = "") => path;

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FacesCommands.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void DetectPrintsOpenCvsBoxesAsJson()
    {
        string image = Data("faces", "2008_002506.jpg");
        var (code, output, error) = Invoke("detect", image, "--min-size", "0");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var entry = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(image, entry.GetProperty("file").GetString());
        var ours = entry.GetProperty("faces").EnumerateArray()
            .Select(f => new[] { f.GetProperty("x").GetInt32(), f.GetProperty("y").GetInt32(), f.GetProperty("width").GetInt32(), f.GetProperty("height").GetInt32() })
            .OrderBy(b => b[0]).ThenBy(b => b[1]).ToList();
        using var fixture = JsonDocument.Parse(File.ReadAllText(Data("faces", "detections.json")));
        var reference = fixture.RootElement.GetProperty("results").EnumerateArray().Single(r =>
            r.GetProperty("image").GetString() == "2008_002506.jpg" && r.GetProperty("cascade").GetString() == "haar_default"
            && r.GetProperty("scaleFactor").GetDouble() == 1.1 && r.GetProperty("minNeighbors").GetInt32() == 3 && r.GetProperty("minSize").GetInt32() == 0);
        var expected = reference.GetProperty("boxes").EnumerateArray().Select(b => b.EnumerateArray().Select(v => v.GetInt32()).ToArray())
            .OrderBy(b => b[0]).ThenBy(b => b[1]).ToList();
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void DetectReportsAMissingFileAsAnError()
    {
        var (code, _, error) = Invoke("detect", "/nonexistent/face.jpg");
        Assert.NotEqual(0, code);
        Assert.Contains("/nonexistent/face.jpg", error);
    }

    [Fact]
    public void CropWritesSquarePngsAndIndexForAVideo()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlne-faces-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        string clip = Path.Combine(dir, "clip.mp4");
        // A real photo panned slowly for one second at 25 fps: every frame shows the same faces.
        Ffmpeg("-loop", "1", "-i", Data("faces", "2008_002506.jpg"), "-t", "1", "-r", "25",
            "-vf", "scale=250:188,crop=240:180:'5*t':'4*t'", "-c:v", "libx264", "-pix_fmt", "yuv420p", clip);
        string outDir = Path.Combine(dir, "crops");
        var (code, _, error) = Invoke("crop", clip, "--fps", "5", "--size", "64", "--out", outDir);
        Assert.True(code == 0, error);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "index.json")));
        var crops = index.RootElement.GetProperty("crops").EnumerateArray().ToList();
        Assert.Equal(5, crops.Count);
        Assert.Equal([0L, 5, 10, 15, 20], crops.Select(c => c.GetProperty("frame").GetInt64()));
        foreach (var c in crops)
        {
            var png = PngDecoder.Read(Path.Combine(outDir, c.GetProperty("file").GetString()!));
            Assert.Equal((64, 64, 3), (png.Width, png.Height, png.Channels));
        }
        Directory.Delete(dir, recursive: true);
    }

    private static void Ffmpeg(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in (string[])["-nostdin", "-v", "error", "-y", .. args]) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }
}
