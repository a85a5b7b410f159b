using System.Runtime.CompilerServices;
namespace MlNetEmotion.Vision.Detection;

/// <summary>MB-LBP cascade evaluation: each feature compares the eight outer cells of a 3 x 3 block grid with the
/// centre cell and looks the 8-bit code up in the node's category subset (OpenCV's <c>predictCategorical</c>).</summary>
internal sealed unsafe class LbpWindow : WindowCascade
{
    private readonly CascadeModel _model;
    private readonly int[] _offsets; // 16 grid corners per feature

    public LbpWindow(CascadeModel model, IntegralLayout layout)
    {
        _model = model;
        _offsets = new int[16 * model.LbpFeatures.Length];
        for (int f = 0; f < model.LbpFeatures.Length; f++)
        {
            var r = model.LbpFeatures[f];
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    _offsets[16 * f + 4 * i + j] = layout.Offset(r.X + j * r.Width, r.Y + i * r.Height, IntegralLayout.Sum);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Run(int* window)
    {
        int* p = window;
        var stages = _model.Stages;
        var counts = _model.TreeNodeCounts;
        var nodes = _model.Nodes;
        var leaves = _model.Leaves;
        var subsets = _model.Subsets;
        int nodeOfs = 0, leafOfs = 0, tree = 0;
        fixed (int* offsets = _offsets)
        {
            for (int s = 0; s < stages.Length; s++)
            {
                double stageSum = 0;
                for (int t = 0; t < stages[s].TreeCount; t++, tree++)
                {
                    int idx = 0;
                    do
                    {
                        var n = nodes[nodeOfs + idx];
                        int c = Code(p, offsets + 16 * n.FeatureIndex);
                        int subset = subsets[(nodeOfs + idx) * 8 + (c >> 5)];
                        idx = (subset & (1 << (c & 31))) != 0 ? n.Left : n.Right;
                    }
                    while (idx > 0);
                    stageSum += leaves[leafOfs - idx];
                    nodeOfs += counts[tree];
                    leafOfs += counts[tree] + 1;
                }
                if (stageSum < stages[s].Threshold) return -s;
            }
        }
        return 1;
    }

    private static int Cell(int* p, int* o, int a, int b, int c, int d) => p[o[a]] - p[o[b]] - p[o[c]] + p[o[d]];

    private static int Code(int* p, int* o)
    {
        int centre = Cell(p, o, 5, 6, 9, 10);
        return (Cell(p, o, 0, 1, 4, 5) >= centre ? 128 : 0)
               | (Cell(p, o, 1, 2, 5, 6) >= centre ? 64 : 0)
               | (Cell(p, o, 2, 3, 6, 7) >= centre ? 32 : 0)
               | (Cell(p, o, 6, 7, 10, 11) >= centre ? 16 : 0)
               | (Cell(p, o, 10, 11, 14, 15) >= centre ? 8 : 0)
               | (Cell(p, o, 9, 10, 13, 14) >= centre ? 4 : 0)
               | (Cell(p, o, 8, 9, 12, 13) >= centre ? 2 : 0)
               | (Cell(p, o, 4, 5, 8, 9) >= centre ? 1 : 0);
    }
}
