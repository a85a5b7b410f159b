namespace MlNetEmotion.Vision.Detection;

/// <summary>Feature family of a cascade.</summary>
public enum CascadeFeatureType
{
    /// <summary>Haar-like rectangle features (upright and 45° tilted).</summary>
    Haar,

    /// <summary>Multi-block local binary patterns.</summary>
    Lbp,
}

/// <summary>A parsed boosted cascade in OpenCV's layout (the "new" <c>opencv-cascade-classifier</c> format).</summary>
internal sealed class CascadeModel
{
    /// <summary>OpenCV lowers every stage threshold by this much on load (THRESHOLD_EPS).</summary>
    public const float ThresholdEpsilon = 1e-5f;

    public required int WindowWidth { get; init; }
    public required int WindowHeight { get; init; }
    public required CascadeFeatureType FeatureType { get; init; }
    public required Stage[] Stages { get; init; }

    /// <summary>All weak-classifier nodes, stage after stage, tree after tree.</summary>
    public required Node[] Nodes { get; init; }

    /// <summary>Leaf values, tree after tree (nodeCount + 1 per tree).</summary>
    public required float[] Leaves { get; init; }

    /// <summary>Nodes per tree for each tree, in order.</summary>
    public required int[] TreeNodeCounts { get; init; }

    /// <summary>LBP category subsets, 8 ints per node (empty for Haar).</summary>
    public required int[] Subsets { get; init; }

    public required HaarFeature[] HaarFeatures { get; init; }
    public required LbpFeature[] LbpFeatures { get; init; }

    /// <summary>True when every tree is a single split (stump).</summary>
    public bool IsStumpBased => TreeNodeCounts.All(n => n == 1);

    public bool HasTiltedFeatures => HaarFeatures.Any(f => f.Tilted);

    /// <summary>One stage: its trees and its (lowered) threshold.</summary>
    public readonly record struct Stage(int FirstTree, int TreeCount, float Threshold);

    /// <summary>A split: children are node indices (&gt; 0, relative to the tree root) or leaves (≤ 0, negated leaf index).</summary>
    public readonly record struct Node(int Left, int Right, int FeatureIndex, float Threshold);
}

/// <summary>A Haar feature: up to three weighted rectangles in window coordinates.</summary>
internal readonly record struct HaarFeature(bool Tilted, HaarRect R0, HaarRect R1, HaarRect R2);

/// <summary>One weighted rectangle of a Haar feature (weight 0 = absent).</summary>
internal readonly record struct HaarRect(int X, int Y, int Width, int Height, float Weight);

/// <summary>An MB-LBP feature: a 3 x 3 grid of <c>Width</c> x <c>Height</c> cells starting at (X, Y).</summary>
internal readonly record struct LbpFeature(int X, int Y, int Width, int Height);
