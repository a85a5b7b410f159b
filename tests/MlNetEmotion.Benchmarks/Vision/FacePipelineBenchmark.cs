using System.Diagnostics;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Benchmarks.Vision;

/// <summary>Paper 000's face chain on a 10 s 640 x 480 30 fps H.264 clip made from a real photo: ffmpeg decode at
/// 8 fps → Haar detection (scale 1.1, 3 neighbours, min 30) → largest face → 227 x 227 crop; against the same chain
/// with OpenCV 4.6 in Python.</summary>
public sealed class FacePipelineBenchmark : BenchmarkCase
{
    /// <inheritdoc />
    public override string Name => "vision.pipeline";

    /// <inheritdoc />
    public override string Description => "video -> 8 fps -> detect -> crop 227, 640x480 30 fps clip, 10 s";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        string clip = MakeClip();
        var cascade = CascadeClassifier.FrontalFaceDefault();
        var detection = new CascadeDetectionOptions { MinSize = 30, MaxDegreeOfParallelism = threads };
        int frames = 0;
        double ours = Timing.MedianMs(() =>
        {
            frames = 0;
            using var reader = new VideoReader(clip);
            foreach (var frame in reader.ReadFrames(FrameSampling.AtRate(8)))
            {
                if (FaceTracker.Largest(cascade.DetectMultiScale(frame.Image, detection)) is { } face)
                    FaceCropper.CropSquare(frame.Image, face, 227);
                frames++;
            }
        }, warmup: 1, iterations: 3);
        var reference = PythonReference.Run("vision_pipeline.py", threads, clip, "640", "480", "30");
        yield return new BenchmarkResult("vision.pipeline 640x480 10 s @8 fps", threads,
            reference.TryGetValue("pipeline", out double ms) ? ms : null, ours,
            $"{frames} frames, ours {frames / (ours / 1000):F1} frames/s" + (reference.TryGetValue("frames", out double f) ? $", OpenCV {f} frames" : ""));
    }

    private static string MakeClip()
    {
        string path = Path.Combine(Path.GetTempPath(), "mlne-vision-bench-clip.mp4");
        if (File.Exists(path)) return path;
        string photo = RepositoryData.Path("vision", "faces", "2008_002506.jpg");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-nostdin", "-v", "error", "-y", "-loop", "1", "-i", photo, "-t", "10", "-r", "30",
                     "-vf", "scale=700:525,crop=640:480:'3*t':'2*t'", "-c:v", "libx264", "-pix_fmt", "yuv420p", path })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("ffmpeg could not make the benchmark clip: " + err);
        return path;
    }
}
