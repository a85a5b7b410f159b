using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Parses OpenCV cascade XML (<c>opencv-cascade-classifier</c>, as written by opencv_traincascade and shipped
/// in <c>/usr/share/opencv4/haarcascades</c> and <c>lbpcascades</c>; the older <c>opencv-haar-classifier</c> layout goes
/// to <see cref="LegacyCascadeXml"/>).</summary>
internal static class CascadeXml
{
    /// <summary>
    /// Parses a cascade: the XML is read with DTDs prohibited (so no entity is ever expanded and no external file or URL
    /// is read) and its nesting checked against <see cref="ReadLimits.MaxDepth"/> before the document is built.
    /// </summary>
    public static CascadeModel Read(Stream stream, string name, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        Func<string, Exception> error = detail => new CascadeFormatException(name, "opencv_storage", detail);
        byte[] xml = BoundedRead.ToEnd(stream, limits.MaxTextBytes)
                     ?? throw error($"the XML is longer than {limits.MaxTextBytes} bytes (the limit ReadLimits.{nameof(ReadLimits.MaxTextBytes)}; raise it to read this file)");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument doc;
        try
        {
            using (var scan = XmlReader.Create(new MemoryStream(xml), settings))
            {
                while (scan.Read())
                    if (scan.Depth > limits.MaxDepth)
                        throw error($"elements nest deeper than {limits.MaxDepth} levels (the limit ReadLimits.MaxDepth) at line {((IXmlLineInfo)scan).LineNumber}");
            }
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new CascadeFormatException(name, "opencv_storage", $"not well-formed XML ({e.Message})");
        }
        var root = doc.Root?.Elements().FirstOrDefault()
                   ?? throw new CascadeFormatException(name, "opencv_storage", "no cascade element");
        if (root.Attribute("type_id")?.Value == "opencv-haar-classifier" || (root.Element("stageType") is null && root.Element("size") is not null))
            return LegacyCascadeXml.Read(root, name);
        if (root.Element("stageType") is null)
            throw new CascadeFormatException(name, root.Name.LocalName,
                "unknown cascade; expected <stageType>BOOST</stageType> (opencv-cascade-classifier) or an opencv-haar-classifier");
        string path = root.Name.LocalName;
        if (Text(root, "stageType", path, name) != "BOOST")
            throw new CascadeFormatException(name, path + "/stageType", "only BOOST cascades are supported");
        var featureType = Text(root, "featureType", path, name) switch
        {
            "HAAR" => CascadeFeatureType.Haar,
            "LBP" => CascadeFeatureType.Lbp,
            var other => throw new CascadeFormatException(name, path + "/featureType", $"'{other}' is not HAAR or LBP"),
        };
        int width = Int(Text(root, "width", path, name), name, path + "/width");
        int height = Int(Text(root, "height", path, name), name, path + "/height");
        if (width < 3 || height < 3) throw new CascadeFormatException(name, path + "/width", $"window {width}x{height} is too small");
        int subsetInts = featureType == CascadeFeatureType.Lbp ? 8 : 0;

        var stagesNode = root.Element("stages") ?? throw new CascadeFormatException(name, path + "/stages", "missing");
        var stages = new List<CascadeModel.Stage>();
        var nodes = new List<CascadeModel.Node>();
        var leaves = new List<float>();
        var treeNodeCounts = new List<int>();
        var subsets = new List<int>();
        int si = 0;
        foreach (var stage in stagesNode.Elements())
        {
            string sp = $"stages/_[{si}]";
            float threshold = (float)Double(Text(stage, "stageThreshold", sp, name), name, sp + "/stageThreshold");
            var weak = stage.Element("weakClassifiers")?.Elements().ToList()
                       ?? throw new CascadeFormatException(name, sp + "/weakClassifiers", "missing");
            stages.Add(new CascadeModel.Stage(treeNodeCounts.Count, weak.Count, threshold - CascadeModel.ThresholdEpsilon));
            int wi = 0;
            foreach (var tree in weak)
            {
                string tp = $"{sp}/weakClassifiers/_[{wi++}]";
                var internals = Numbers(Text(tree, "internalNodes", tp, name));
                var leafValues = Numbers(Text(tree, "leafValues", tp, name));
                int perNode = 3 + (subsetInts > 0 ? subsetInts : 1);
                if (internals.Length == 0 || internals.Length % perNode != 0)
                    throw new CascadeFormatException(name, tp + "/internalNodes",
                        $"{internals.Length} numbers, expected a multiple of {perNode} for {featureType}");
                int count = internals.Length / perNode;
                if (leafValues.Length != count + 1)
                    throw new CascadeFormatException(name, tp + "/leafValues", $"{leafValues.Length} values, expected {count + 1}");
                for (int n = 0; n < count; n++)
                {
                    int o = n * perNode;
                    for (int side = 0; side < 2; side++)
                        CheckChild(Int(internals[o + side], name, tp + "/internalNodes"), n, count, name, tp + "/internalNodes");
                    float thr = 0f;
                    if (subsetInts > 0)
                        for (int k = 0; k < subsetInts; k++) subsets.Add(Int(internals[o + 3 + k], name, tp + "/internalNodes"));
                    else thr = (float)Double(internals[o + 3], name, tp + "/internalNodes");
                    nodes.Add(new CascadeModel.Node(Int(internals[o], name, tp + "/internalNodes"),
                        Int(internals[o + 1], name, tp + "/internalNodes"), Int(internals[o + 2], name, tp + "/internalNodes"), thr));
                }
                foreach (var l in leafValues) leaves.Add((float)Double(l, name, tp + "/leafValues"));
                treeNodeCounts.Add(count);
            }
            si++;
        }
        if (stages.Count == 0) throw new CascadeFormatException(name, path + "/stages", "no stages");

        var featuresNode = root.Element("features") ?? throw new CascadeFormatException(name, path + "/features", "missing");
        var haar = new List<HaarFeature>();
        var lbp = new List<LbpFeature>();
        int fi = 0;
        foreach (var feature in featuresNode.Elements())
        {
            string fp = $"features/_[{fi++}]";
            if (featureType == CascadeFeatureType.Lbp)
            {
                var r = Numbers(Text(feature, "rect", fp, name));
                if (r.Length != 4) throw new CascadeFormatException(name, fp + "/rect", "expected 4 integers");
                var f = new LbpFeature(Int(r[0], name, fp), Int(r[1], name, fp), Int(r[2], name, fp), Int(r[3], name, fp));
                if (f.X < 0 || f.Y < 0 || f.Width < 1 || f.Height < 1 || f.X + 3L * f.Width > width || f.Y + 3L * f.Height > height)
                    throw new CascadeFormatException(name, fp + "/rect", $"cell grid {f} does not fit the {width}x{height} window");
                lbp.Add(f);
                continue;
            }
            haar.Add(HaarFeatureOf(feature, fp, width, height, name));
        }
        int featureCount = featureType == CascadeFeatureType.Lbp ? lbp.Count : haar.Count;
        for (int n = 0; n < nodes.Count; n++)
            if (nodes[n].FeatureIndex < 0 || nodes[n].FeatureIndex >= featureCount)
                throw new CascadeFormatException(name, "stages", $"a node uses feature {nodes[n].FeatureIndex}, but there are {featureCount} features");
        return new CascadeModel
        {
            WindowWidth = width,
            WindowHeight = height,
            FeatureType = featureType,
            Stages = [.. stages],
            Nodes = [.. nodes],
            Leaves = [.. leaves],
            TreeNodeCounts = [.. treeNodeCounts],
            Subsets = [.. subsets],
            HaarFeatures = [.. haar],
            LbpFeatures = [.. lbp],
        };
    }

    /// <summary>A Haar feature from its <c>rects</c> and <c>tilted</c> elements; every rectangle must lie inside the window.</summary>
    internal static HaarFeature HaarFeatureOf(XElement feature, string fp, int width, int height, string name)
    {
        var rects = feature.Element("rects")?.Elements().Select(e => Numbers(e.Value)).ToList()
                    ?? throw new CascadeFormatException(name, fp + "/rects", "missing");
        if (rects.Count is < 1 or > 3 || rects.Any(r => r.Length != 5))
            throw new CascadeFormatException(name, fp + "/rects", "expected 1 to 3 rectangles of 'x y w h weight'");
        bool tilted = feature.Element("tilted") is { } t && Int(t.Value.Trim(), name, fp + "/tilted") != 0;
        var hr = rects.Select(r => new HaarRect(Int(r[0], name, fp), Int(r[1], name, fp), Int(r[2], name, fp),
            Int(r[3], name, fp), (float)Double(r[4], name, fp))).ToList();
        for (int r = 0; r < hr.Count; r++)
        {
            var (x, y, w, h) = ((long)hr[r].X, (long)hr[r].Y, (long)hr[r].Width, (long)hr[r].Height);
            // The pixels a rectangle reads must lie inside the window (a tilted one spans x - h .. x + w, y .. y + w + h).
            bool inside = w >= 0 && h >= 0 && y >= 0 && x + w <= width
                          && (tilted ? x - h >= 0 && y + w + h <= height : x >= 0 && y + h <= height);
            if (!inside)
                throw new CascadeFormatException(name, $"{fp}/rects/_[{r}]",
                    $"{(tilted ? "tilted " : "")}rectangle {x} {y} {w} {h} does not fit the {width}x{height} window");
        }
        while (hr.Count < 3) hr.Add(default);
        return new HaarFeature(tilted, hr[0], hr[1], hr[2]);
    }

    /// <summary>A child of node <paramref name="node"/> in a tree of <paramref name="count"/> nodes is a later node of the same
    /// tree (&gt; 0) or a leaf (≤ 0, leaf -child); anything else would index outside the tree or loop forever.</summary>
    internal static void CheckChild(int child, int node, int count, string name, string path)
    {
        if (child > 0 ? child <= node || child >= count : -child > count)
            throw new CascadeFormatException(name, path,
                $"node {node} has child {child}; expected a later node 1..{count - 1} or a leaf 0..-{count}");
    }

    internal static string Text(XElement parent, string child, string path, string name) =>
        parent.Element(child)?.Value.Trim() ?? throw new CascadeFormatException(name, path + "/" + child, "missing");

    internal static string[] Numbers(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    internal static int Int(string text, string name, string path) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v : throw new CascadeFormatException(name, path, $"'{text}' is not an integer");

    internal static double Double(string text, string name, string path) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new CascadeFormatException(name, path, $"'{text}' is not a number");
}
