using System.Xml.Linq;
using static MlNetEmotion.Vision.Detection.CascadeXml;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Parses the older <c>opencv-haar-classifier</c> cascade layout (OpenCV 1.x haartraining; still shipped, e.g.
/// <c>haarcascade_licence_plate_rus_16stages.xml</c>) into the same model OpenCV 4.6 builds from it: every tree node
/// carries its own feature, <c>left_val</c>/<c>right_val</c> become leaves numbered in the order they appear, and
/// <c>left_node</c>/<c>right_node</c> are node indices within the tree.</summary>
internal static class LegacyCascadeXml
{
    public static CascadeModel Read(XElement root, string name)
    {
        string path = root.Name.LocalName;
        var size = Numbers(Text(root, "size", path, name));
        if (size.Length != 2) throw new CascadeFormatException(name, path + "/size", "expected 'width height'");
        int width = Int(size[0], name, path + "/size"), height = Int(size[1], name, path + "/size");
        if (width < 3 || height < 3) throw new CascadeFormatException(name, path + "/size", $"window {width}x{height} is too small");
        var stagesNode = root.Element("stages") ?? throw new CascadeFormatException(name, path + "/stages", "missing");

        var stages = new List<CascadeModel.Stage>();
        var nodes = new List<CascadeModel.Node>();
        var leaves = new List<float>();
        var treeNodeCounts = new List<int>();
        var features = new List<HaarFeature>();
        int si = 0;
        foreach (var stage in stagesNode.Elements())
        {
            string sp = $"stages/_[{si}]";
            if (stage.Element("parent") is { } parent && Int(parent.Value.Trim(), name, sp + "/parent") != si - 1)
                throw new CascadeFormatException(name, sp + "/parent", "stage trees are not supported; expected a chain of stages");
            float threshold = (float)Double(Text(stage, "stage_threshold", sp, name), name, sp + "/stage_threshold");
            var trees = stage.Element("trees")?.Elements().ToList() ?? throw new CascadeFormatException(name, sp + "/trees", "missing");
            stages.Add(new CascadeModel.Stage(treeNodeCounts.Count, trees.Count, threshold - CascadeModel.ThresholdEpsilon));
            int ti = 0;
            foreach (var tree in trees)
            {
                string tp = $"{sp}/trees/_[{ti++}]";
                var treeNodes = tree.Elements().ToList();
                if (treeNodes.Count == 0) throw new CascadeFormatException(name, tp, "a tree without nodes");
                int leafCount = 0;
                for (int n = 0; n < treeNodes.Count; n++)
                {
                    var node = treeNodes[n];
                    string np = $"{tp}/_[{n}]";
                    var feature = node.Element("feature") ?? throw new CascadeFormatException(name, np + "/feature", "missing");
                    features.Add(HaarFeatureOf(feature, np + "/feature", width, height, name));
                    float split = (float)Double(Text(node, "threshold", np, name), name, np + "/threshold");
                    int left = Child(node, "left", np, n, treeNodes.Count, leaves, ref leafCount, name);
                    int right = Child(node, "right", np, n, treeNodes.Count, leaves, ref leafCount, name);
                    nodes.Add(new CascadeModel.Node(left, right, features.Count - 1, split));
                }
                if (leafCount != treeNodes.Count + 1)
                    throw new CascadeFormatException(name, tp, $"{leafCount} leaf values for {treeNodes.Count} nodes, expected {treeNodes.Count + 1}");
                treeNodeCounts.Add(treeNodes.Count);
            }
            si++;
        }
        if (stages.Count == 0) throw new CascadeFormatException(name, path + "/stages", "no stages");
        return new CascadeModel
        {
            WindowWidth = width,
            WindowHeight = height,
            FeatureType = CascadeFeatureType.Haar,
            Stages = [.. stages],
            Nodes = [.. nodes],
            Leaves = [.. leaves],
            TreeNodeCounts = [.. treeNodeCounts],
            Subsets = [],
            HaarFeatures = [.. features],
            LbpFeatures = [],
        };
    }

    /// <summary>A node's <paramref name="side"/> child: <c>{side}_val</c> appends a leaf (child -index), <c>{side}_node</c>
    /// names a node of the same tree.</summary>
    private static int Child(XElement node, string side, string np, int n, int count, List<float> leaves, ref int leafCount, string name)
    {
        if (node.Element(side + "_val") is { } value)
        {
            leaves.Add((float)Double(value.Value.Trim(), name, $"{np}/{side}_val"));
            return -leafCount++;
        }
        int child = Int(Text(node, side + "_node", np, name), name, $"{np}/{side}_node");
        if (child <= 0) throw new CascadeFormatException(name, $"{np}/{side}_node", $"node index {child} must be positive");
        CheckChild(child, n, count, name, $"{np}/{side}_node");
        return child;
    }
}
