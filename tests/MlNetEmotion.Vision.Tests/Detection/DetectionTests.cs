using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Vision.Detection;
using Xunit.Abstractions;

namespace MlNetEmotion.Vision.Tests.Detection;

public class DetectionTests(ITestOutputHelper output)
{
    [Fact]
    public void TiltedIntegralMatchesItsDefinition()
    {
        var gen = from w in Gen.Choose(1, 12) from h in Gen.Choose(1, 12) from seed in Gen.Choose(0, 10000) select (w, h, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var image = new byte[t.w * t.h];
            random.NextBytes(image);
            var tilted = new int[(t.w + 1) * (t.h + 1)];
            IntegralImage.ComputeTilted(image, t.w, t.h, tilted);
            for (int Y = 0; Y <= t.h; Y++)
                for (int X = 0; X <= t.w; X++)
                {
                    int expected = 0;
                    for (int y = 0; y < Y; y++)
                        for (int x = 0; x < t.w; x++)
                            if (Math.Abs(x - X + 1) <= Y - y - 1) expected += image[y * t.w + x];
                    if (tilted[Y * (t.w + 1) + X] != expected) return false;
                }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RecallAndPrecisionOnGroundTruthEqualOpenCv()
    {
        var truth = new Dictionary<string, List<BoundingBox>>();
        foreach (var xml in new[] { "training.xml", "testing.xml" })
            foreach (var image in XDocument.Load(TestData.Path("faces", xml)).Descendants("image"))
                truth[(string)image.Attribute("file")!] = image.Elements("box").Select(b => new BoundingBox(
                    (int)b.Attribute("left")!, (int)b.Attribute("top")!, (int)b.Attribute("width")!, (int)b.Attribute("height")!)).ToList();
        var cases = OpenCvParityTestsAccess.Cases("haar_default", 1.1, 3, 0);
        var (oursTp, oursDet, cvTp, cvDet, gt) = (0, 0, 0, 0, 0);
        foreach (var c in cases)
        {
            var boxes = truth[c.Image];
            var ours = OpenCvParityTests.Run(c);
            var theirs = c.Boxes.Select(b => new BoundingBox(b[0], b[1], b[2], b[3])).ToList();
            oursTp += Matches(ours, boxes);
            cvTp += Matches(theirs, boxes);
            oursDet += ours.Count;
            cvDet += theirs.Count;
            gt += boxes.Count;
        }
        output.WriteLine($"ours recall {(double)oursTp / gt:F3} precision {(double)oursTp / oursDet:F3}; OpenCV recall {(double)cvTp / gt:F3} precision {(double)cvTp / cvDet:F3} ({gt} faces, 9 photos)");
        Assert.Equal(cvTp, oursTp);
        Assert.Equal(cvDet, oursDet);
        Assert.True(oursTp > gt / 2, "the detector should find most of the labelled faces");
    }

    /// <summary>Greedy one-to-one matching at IoU ≥ 0.5.</summary>
    private static int Matches(List<BoundingBox> detections, List<BoundingBox> truth)
    {
        var used = new bool[truth.Count];
        int tp = 0;
        foreach (var d in detections)
        {
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < truth.Count; i++)
                if (!used[i] && d.IntersectionOverUnion(truth[i]) >= bestIou) (best, bestIou) = (i, d.IntersectionOverUnion(truth[i]));
            if (best >= 0) { used[best] = true; tp++; }
        }
        return tp;
    }

    [Fact]
    public void WrongShapedCascadeNamesFileAndElement()
    {
        string dir = TestData.TempDir();
        string bad = Path.Combine(dir, "bad.xml");
        File.WriteAllText(bad, "<opencv_storage><cascade><stageType>BOOST</stageType><featureType>HAAR</featureType><height>24</height><width>24</width><stages><_><maxWeakCount>1</maxWeakCount><stageThreshold>x</stageThreshold></_></stages></cascade></opencv_storage>");
        var e = Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(bad));
        Assert.Contains(bad, e.Message);
        Assert.Contains("stageThreshold", e.Element);
        File.WriteAllText(bad, "<opencv_storage><x type_id=\"opencv-haar-classifier\"/></opencv_storage>");
        Assert.Equal("x/size", Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(bad)).Element);
        File.WriteAllText(bad, "<opencv_storage><x><stages/></x></opencv_storage>");
        Assert.Contains("stageType", Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(bad)).Message);
    }

    private const string OneStumpHaar =
        "<opencv_storage><cascade><stageType>BOOST</stageType><featureType>HAAR</featureType><height>24</height><width>24</width>"
        + "<stages><_><maxWeakCount>1</maxWeakCount><stageThreshold>-1</stageThreshold><weakClassifiers><_>"
        + "<internalNodes>{0}</internalNodes><leafValues>{1}</leafValues></_></weakClassifiers></_></stages>"
        + "<features><_><rects><_>{2}</_><_>6 4 12 7 2.</_></rects>{3}</_></features></cascade></opencv_storage>";

    [Theory]
    [InlineData("0 -1 0 0.5", "1 2", "14 4 12 14 -1.", "", "features/_[0]/rects/_[0]")]          // right edge at 26 > 24
    [InlineData("0 -1 0 0.5", "1 2", "6 -1 12 14 -1.", "", "features/_[0]/rects/_[0]")]          // above the window
    [InlineData("0 -1 0 0.5", "1 2", "4 4 12 6 -1.", "<tilted>1</tilted>", "features/_[0]/rects/_[0]")] // x - h < 0
    [InlineData("0 -1 0 0.5", "1 2", "6 4 12 14 -1.", "<tilted>1</tilted>", "features/_[0]/rects/_[0]")] // y + w + h > 24
    [InlineData("1 -1 0 0.5 1 -2 0 0.5", "1 2 3", "6 4 12 14 -1.", "", "internalNodes")]           // node 1 points back at itself
    [InlineData("0 -3 0 0.5", "1 2", "6 4 12 14 -1.", "", "internalNodes")]                         // leaf 3 of 2
    public void CascadeThatWouldReadOutsideTheWindowIsRejected(string nodes, string leaves, string rect, string tilted, string element)
    {
        string bad = Path.Combine(TestData.TempDir(), "bad.xml");
        File.WriteAllText(bad, string.Format(System.Globalization.CultureInfo.InvariantCulture, OneStumpHaar, nodes, leaves, rect, tilted));
        var e = Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(bad));
        Assert.Contains(element, e.Element);
        Assert.Contains(bad, e.Message);
        // The same file with a rectangle inside the window loads.
        File.WriteAllText(bad, string.Format(System.Globalization.CultureInfo.InvariantCulture, OneStumpHaar, "0 -1 0 0.5", "1 2", "6 4 12 14 -1.", ""));
        Assert.Equal(1, CascadeClassifier.Load(bad).StageCount);
    }

    [Fact]
    public void ResultsDoNotDependOnThreadCount()
    {
        var grey = OpenCvParityTests.Grey("2008_002470.jpg");
        var cascade = CascadeClassifier.FrontalFaceDefault();
        var one = cascade.DetectMultiScale(grey, new CascadeDetectionOptions { MaxDegreeOfParallelism = 1, MinSize = 30 });
        var all = cascade.DetectMultiScale(grey, new CascadeDetectionOptions { MaxDegreeOfParallelism = -1, MinSize = 30 });
        Assert.Equal(one, all);
        Assert.NotEmpty(one);
    }
}
