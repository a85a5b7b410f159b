using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Haar cascade evaluation with OpenCV's arithmetic: feature sums in float, scaled by the float inverse of
/// the window's standard-deviation term, compared with float thresholds, stage sums accumulated in double.</summary>
/// <remarks>Rectangle corners are resolved to offsets in an <see cref="IntegralLayout"/> and packed with weights,
/// threshold and leaves into one pinned array. Stump cascades scan rows eight windows at a time with AVX2
/// (<c>HaarWindow.Batch.cs</c>); tree cascades and machines without AVX2 run window by window.</remarks>
internal sealed unsafe partial class HaarWindow : WindowCascade
{
    private readonly CascadeModel _model;
    private readonly Node[] _nodes; // pinned
    private readonly Node* _node;
    private readonly int _n0, _n1, _n2, _n3, _q0, _q1, _q2, _q3;
    private readonly double _normArea;
    private readonly bool _stumps;

    /// <summary>One split with its feature resolved: 3 rectangles x 4 corner offsets, 3 weights (0 = absent
    /// rectangle, whose offsets are all 0), threshold, and for stumps the two leaf values.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public int A0, A1, A2, A3, B0, B1, B2, B3, C0, C1, C2, C3;
        public float W0, W1, W2, Threshold, Left, Right;
    }

    public HaarWindow(CascadeModel model, IntegralLayout layout)
    {
        _model = model;
        _stumps = model.IsStumpBased;
        _nodes = GC.AllocateArray<Node>(model.Nodes.Length, pinned: true);
        _node = (Node*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_nodes));
        var corners = new int[12];
        for (int i = 0; i < model.Nodes.Length; i++)
        {
            var feature = model.HaarFeatures[model.Nodes[i].FeatureIndex];
            HaarRect[] rects = [feature.R0, feature.R1, feature.R2];
            for (int r = 0; r < 3; r++)
            {
                var (x, y, rw, rh) = (rects[r].X, rects[r].Y, rects[r].Width, rects[r].Height);
                var c = corners.AsSpan(4 * r, 4);
                if (rects[r].Weight == 0f) c.Clear();
                else if (feature.Tilted)
                {
                    c[0] = layout.Offset(x, y, IntegralLayout.Tilted);
                    c[1] = layout.Offset(x - rh, y + rh, IntegralLayout.Tilted);
                    c[2] = layout.Offset(x + rw, y + rw, IntegralLayout.Tilted);
                    c[3] = layout.Offset(x + rw - rh, y + rw + rh, IntegralLayout.Tilted);
                }
                else
                {
                    c[0] = layout.Offset(x, y, IntegralLayout.Sum);
                    c[1] = layout.Offset(x + rw, y, IntegralLayout.Sum);
                    c[2] = layout.Offset(x, y + rh, IntegralLayout.Sum);
                    c[3] = layout.Offset(x + rw, y + rh, IntegralLayout.Sum);
                }
            }
            ref var n = ref _nodes[i];
            (n.A0, n.A1, n.A2, n.A3) = (corners[0], corners[1], corners[2], corners[3]);
            (n.B0, n.B1, n.B2, n.B3) = (corners[4], corners[5], corners[6], corners[7]);
            (n.C0, n.C1, n.C2, n.C3) = (corners[8], corners[9], corners[10], corners[11]);
            (n.W0, n.W1, n.W2) = (feature.R0.Weight, feature.R1.Weight, feature.R2.Weight);
            n.Threshold = model.Nodes[i].Threshold;
            if (_stumps)
            {
                n.Left = model.Leaves[2 * i];
                n.Right = model.Leaves[2 * i + 1];
            }
        }
        // Normalisation rectangle: the window less a one-pixel border.
        int nw = model.WindowWidth - 2, nh = model.WindowHeight - 2;
        (_n0, _n1, _n2, _n3) = (layout.Offset(1, 1, IntegralLayout.Sum), layout.Offset(1 + nw, 1, IntegralLayout.Sum),
            layout.Offset(1, 1 + nh, IntegralLayout.Sum), layout.Offset(1 + nw, 1 + nh, IntegralLayout.Sum));
        (_q0, _q1, _q2, _q3) = (layout.Offset(1, 1, IntegralLayout.Squares), layout.Offset(1 + nw, 1, IntegralLayout.Squares),
            layout.Offset(1, 1 + nh, IntegralLayout.Squares), layout.Offset(1 + nw, 1 + nh, IntegralLayout.Squares));
        _normArea = (double)nw * nh;
    }

    /// <inheritdoc />
    public override void ScanRow(int* row, int count, List<int> accepted)
    {
        if (_stumps && Avx2.IsSupported) ScanRowBatched(row, count, accepted);
        else ScanRowWindowByWindow(row, count, accepted);
    }

    /// <inheritdoc />
    /// <remarks>-1 when the variance test fails.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Run(int* window)
    {
        int* p = window;
        int valsum = p[_n0] - p[_n1] - p[_n2] + p[_n3];
        uint valsq = unchecked((uint)(p[_q0] - p[_q1] - p[_q2] + p[_q3]));
        double nf = _normArea * valsq - (double)valsum * valsum;
        if (!(nf > 0)) return -1;
        float norm = (float)(1.0 / Math.Sqrt(nf));
        if (!(_normArea * norm < 0.1)) return -1;
        return _stumps ? RunStumps(p, norm) : RunTrees(p, norm);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunStumps(int* p, float norm)
    {
        var stages = _model.Stages;
        for (int s = 0; s < stages.Length; s++)
        {
            double stageSum = 0;
            Node* node = _node + stages[s].FirstTree;
            Node* end = node + stages[s].TreeCount;
            for (; node < end; node++)
                stageSum += Value(p, node) * norm < node->Threshold ? node->Left : node->Right;
            if (stageSum < stages[s].Threshold) return -s;
        }
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunTrees(int* p, float norm)
    {
        var stages = _model.Stages;
        var counts = _model.TreeNodeCounts;
        var nodes = _model.Nodes;
        var leaves = _model.Leaves;
        int nodeOfs = 0, leafOfs = 0, tree = 0;
        for (int s = 0; s < stages.Length; s++)
        {
            double stageSum = 0;
            for (int t = 0; t < stages[s].TreeCount; t++, tree++)
            {
                int idx = 0;
                do
                {
                    Node* n = _node + nodeOfs + idx;
                    idx = Value(p, n) * norm < n->Threshold ? nodes[nodeOfs + idx].Left : nodes[nodeOfs + idx].Right;
                }
                while (idx > 0);
                stageSum += leaves[leafOfs - idx];
                nodeOfs += counts[tree];
                leafOfs += counts[tree] + 1;
            }
            if (stageSum < stages[s].Threshold) return -s;
        }
        return 1;
    }

    /// <summary>Weighted rectangle sums in float, in OpenCV's order (an absent third rectangle adds exactly 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Value(int* p, Node* n)
    {
        float v = n->W0 * (p[n->A0] - p[n->A1] - p[n->A2] + p[n->A3])
                  + n->W1 * (p[n->B0] - p[n->B1] - p[n->B2] + p[n->B3]);
        return v + n->W2 * (p[n->C0] - p[n->C1] - p[n->C2] + p[n->C3]);
    }
}
