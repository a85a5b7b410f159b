using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;

namespace MlNetEmotion.Benchmarks.Vision;

/// <summary>Viola–Jones detection on scikit-image's 512 x 512 astronaut photo against OpenCV 4.6 detectMultiScale
/// (frontal-face default cascade, scale 1.1, 5 neighbours, min size 30).</summary>
public sealed class DetectionBenchmark : BenchmarkCase
{
    /// <summary>scikit-image's copy of the NASA astronaut photo (Debian python3-skimage).</summary>
    public const string Astronaut = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";

    /// <inheritdoc />
    public override string Name => "vision.detect";

    /// <inheritdoc />
    public override string Description => "Haar cascade detectMultiScale, astronaut 512x512, scale 1.1, 5 neighbours, min 30";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        if (!File.Exists(Astronaut))
        {
            Console.Error.WriteLine($"{Astronaut} missing (apt-get install python3-skimage); vision.detect skipped");
            yield break;
        }
        var grey = PngDecoder.Read(Astronaut).ToGrey();
        var cascade = CascadeClassifier.FrontalFaceDefault();
        var options = new CascadeDetectionOptions { ScaleFactor = 1.1, MinNeighbors = 5, MinSize = 30, MaxDegreeOfParallelism = threads };
        int faces = 0;
        double ours = Timing.MedianMs(() => faces = cascade.DetectMultiScale(grey, options).Count, warmup: 6, iterations: 9);
        var reference = PythonReference.Run("vision_detect.py", threads, Astronaut, "1.1", "5", "30");
        string note = $"faces ours {faces}" + (reference.TryGetValue("faces", out double f) ? $", OpenCV {f}" : "");
        yield return new BenchmarkResult($"vision.detect astronaut {grey.Width}x{grey.Height}", threads,
            reference.TryGetValue("detect", out double ms) ? ms : null, ours, note);
    }
}
