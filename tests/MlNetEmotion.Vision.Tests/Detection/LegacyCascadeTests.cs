using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using MlNetEmotion.Vision.Detection;

namespace MlNetEmotion.Vision.Tests.Detection;

/// <summary>The older <c>opencv-haar-classifier</c> layout. The real Debian file (licence plates, stumps) is checked
/// against OpenCV in <see cref="OpenCvParityTests"/>; here a tree cascade rewritten into the legacy layout (nodes with
/// left_node/right_node, leaves inline) must detect exactly what the original does, window for window.</summary>
public class LegacyCascadeTests
{
    [Fact]
    public void TreeCascadeRewrittenInTheLegacyLayoutDetectsTheSameWindows()
    {
        string source = TestData.Path("cascades", "haarcascade_frontalface_alt2.xml.gz");
        string legacy = Path.Combine(TestData.TempDir(), "alt2_legacy.xml");
        File.WriteAllText(legacy, ToLegacy(source));
        var original = CascadeClassifier.Load(source);
        var rewritten = CascadeClassifier.Load(legacy);
        Assert.Equal((original.StageCount, original.WindowWidth, original.WindowHeight),
            (rewritten.StageCount, rewritten.WindowWidth, rewritten.WindowHeight));
        var grey = OpenCvParityTests.Grey("2009_004587.jpg");
        var raw = new CascadeDetectionOptions { MinNeighbors = 0, ScaleFactor = 1.2 };
        var expected = original.DetectMultiScale(grey, raw);
        Assert.True(expected.Count > 50, $"{expected.Count} raw hits");
        Assert.Equal(expected, rewritten.DetectMultiScale(grey, raw));
        var fixture = Assert.Single(OpenCvParityTestsAccess.Cases("haar_alt2", 1.1, 3, 0), c => c.Image == "2009_004587.jpg");
        Assert.Equal(fixture.Boxes.Select(b => new BoundingBox(b[0], b[1], b[2], b[3])).OrderBy(b => (b.X, b.Y)),
            rewritten.DetectMultiScale(grey).OrderBy(b => (b.X, b.Y)));
    }

    /// <summary>Writes a new-format Haar cascade in the legacy layout: every node inlines its feature, leaves are written
    /// where the tree reaches them (so they are renumbered in order of appearance), stages chain through parent.</summary>
    private static string ToLegacy(string gzPath)
    {
        using var stream = new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress);
        var cascade = XDocument.Load(stream).Root!.Element("cascade")!;
        var features = cascade.Element("features")!.Elements().ToList();
        var xml = new StringBuilder("<opencv_storage><legacy type_id=\"opencv-haar-classifier\">");
        xml.Append(CultureInfo.InvariantCulture, $"<size>{cascade.Element("width")!.Value.Trim()} {cascade.Element("height")!.Value.Trim()}</size><stages>");
        int stage = 0;
        foreach (var s in cascade.Element("stages")!.Elements())
        {
            xml.Append("<_><trees>");
            foreach (var weak in s.Element("weakClassifiers")!.Elements())
            {
                var nodes = weak.Element("internalNodes")!.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
                var leaves = weak.Element("leafValues")!.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
                xml.Append("<_>");
                for (int k = 0; k < nodes.Length / 4; k++)
                {
                    var feature = features[int.Parse(nodes[4 * k + 2], CultureInfo.InvariantCulture)];
                    xml.Append("<_><feature>").Append(feature.Element("rects")).Append(feature.Element("tilted") ?? new XElement("tilted", 0));
                    xml.Append("</feature><threshold>").Append(nodes[4 * k + 3]).Append("</threshold>");
                    foreach (var (side, child) in new[] { ("left", nodes[4 * k]), ("right", nodes[4 * k + 1]) })
                    {
                        int c = int.Parse(child, CultureInfo.InvariantCulture);
                        xml.Append(c <= 0 ? $"<{side}_val>{leaves[-c]}</{side}_val>" : $"<{side}_node>{c}</{side}_node>");
                    }
                    xml.Append("</_>");
                }
                xml.Append("</_>");
            }
            xml.Append(CultureInfo.InvariantCulture,
                $"</trees><stage_threshold>{s.Element("stageThreshold")!.Value.Trim()}</stage_threshold><parent>{stage - 1}</parent><next>-1</next></_>");
            stage++;
        }
        return xml.Append("</stages></legacy></opencv_storage>").ToString();
    }
}
