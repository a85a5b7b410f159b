using System.Collections.Concurrent;
using System.Text.Json;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Media;
using Xunit.Abstractions;

namespace MlNetEmotion.Vision.Tests.Detection;

/// <summary>Our detector against OpenCV 4.6 detectMultiScale on the same ffmpeg-decoded pixels
/// (fixture: tests/data/vision/faces/make_detection_fixtures.py).</summary>
public class OpenCvParityTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, Image<byte>> Greys = new();
    private static readonly ConcurrentDictionary<string, CascadeClassifier> Cascades = new();

    public sealed record Case(string Image, string Cascade, double ScaleFactor, int MinNeighbors, int MinSize, int MaxSize, int[][] Boxes);

    internal static List<Case> Fixture()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Path("faces", "detections.json")));
        return doc.RootElement.GetProperty("results").EnumerateArray().Select(r => new Case(
            r.GetProperty("image").GetString()!, r.GetProperty("cascade").GetString()!, r.GetProperty("scaleFactor").GetDouble(),
            r.GetProperty("minNeighbors").GetInt32(), r.GetProperty("minSize").GetInt32(), r.GetProperty("maxSize").GetInt32(),
            r.GetProperty("boxes").EnumerateArray().Select(b => b.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray())).ToList();
    }

    public static TheoryData<string> CascadeNames() => new() { "haar_default", "haar_alt2", "haar_eye_tree", "haar_upperbody", "lbp_improved", "lbp_profile", "haar_plate" };

    internal static Image<byte> Grey(string image) =>
        Greys.GetOrAdd(image, f => ImageLoader.LoadRgb(TestData.Path("faces", f)).ToGrey());

    private static CascadeClassifier Cascade(string name) => Cascades.GetOrAdd(name, n => n switch
    {
        "haar_default" => CascadeClassifier.FrontalFaceDefault(),
        "haar_alt2" => CascadeClassifier.Load(TestData.Path("cascades", "haarcascade_frontalface_alt2.xml.gz")),
        "haar_eye_tree" => CascadeClassifier.Load(TestData.Path("cascades", "haarcascade_eye_tree_eyeglasses.xml.gz")),
        "haar_upperbody" => CascadeClassifier.Load(TestData.Path("cascades", "haarcascade_upperbody.xml.gz")),
        "lbp_profile" => CascadeClassifier.Load(TestData.Path("cascades", "lbpcascade_profileface.xml.gz")),
        "haar_plate" => CascadeClassifier.Load(TestData.Path("cascades", "haarcascade_licence_plate_rus_16stages.xml.gz")),
        _ => CascadeClassifier.Load(TestData.Path("cascades", "lbpcascade_frontalface_improved.xml.gz")),
    });

    private static readonly ConcurrentDictionary<string, List<BoundingBox>> Results = new();

    /// <summary>Our detections for a fixture case (memoised: the recall test reuses the parity runs).</summary>
    internal static List<BoundingBox> Run(Case c) =>
        Results.GetOrAdd($"{c.Image}|{c.Cascade}|{c.ScaleFactor}|{c.MinNeighbors}|{c.MinSize}|{c.MaxSize}", _ =>
        [.. Cascade(c.Cascade).DetectMultiScale(Grey(c.Image), new CascadeDetectionOptions
        {
            ScaleFactor = c.ScaleFactor, MinNeighbors = c.MinNeighbors, MinSize = c.MinSize, MaxSize = c.MaxSize,
        })]);

    [Theory]
    [MemberData(nameof(CascadeNames))]
    public void DetectionsEqualOpenCv(string cascade)
    {
        int total = 0, exact = 0;
        var failures = new List<string>();
        foreach (var c in Fixture().Where(c => c.Cascade == cascade))
        {
            var ours = Run(c).Select(b => new[] { b.X, b.Y, b.Width, b.Height }).OrderBy(b => b[0]).ThenBy(b => b[1]).ThenBy(b => b[2]).ToList();
            var theirs = c.Boxes.OrderBy(b => b[0]).ThenBy(b => b[1]).ThenBy(b => b[2]).ToList();
            total++;
            bool same = ours.Count == theirs.Count && ours.Zip(theirs).All(p => p.First.SequenceEqual(p.Second));
            if (same) exact++;
            else failures.Add($"diff ours-only [{string.Join(" ", ours.Where(b => !theirs.Any(t => t.SequenceEqual(b))).Select(b => string.Join(",", b)))}] opencv-only [{string.Join(" ", theirs.Where(b => !ours.Any(t => t.SequenceEqual(b))).Select(b => string.Join(",", b)))}] " + $"{c.Image} {c.ScaleFactor}/{c.MinNeighbors}/{c.MinSize}/{c.MaxSize}: ours {ours.Count} [{string.Join(" ", ours.Take(6).Select(b => string.Join(",", b)))}] opencv {theirs.Count} [{string.Join(" ", theirs.Take(6).Select(b => string.Join(",", b)))}]");
        }
        output.WriteLine($"{cascade}: {exact}/{total} configurations identical to OpenCV");
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

/// <summary>Fixture cases for one configuration.</summary>
internal static class OpenCvParityTestsAccess
{
    public static List<OpenCvParityTests.Case> Cases(string cascade, double scale, int neighbours, int minSize) =>
        [.. OpenCvParityTests.Fixture().Where(c => c.Cascade == cascade && c.ScaleFactor == scale && c.MinNeighbors == neighbours && c.MinSize == minSize)];
}
