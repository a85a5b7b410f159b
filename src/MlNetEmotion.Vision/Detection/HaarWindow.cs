using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Haar cascade evaluation with OpenCV's arithmetic: feature sums in float, scaled by the float inverse of
/// the window's standard-deviation term, compared with float thresholds, stage sums accumulated in double.</summary>
/// <remarks>Built per scale level: rectangle corners are resolved to offsets into that level's integral buffer and
/// packed with weights, threshold and leaves into one pinned array, so a window costs only loads and arithmetic.</remarks>
internal sealed unsafe class HaarWindow
{
    private readonly CascadeModel _model;
    private readonly Node[] _nodes; // pinned
    private readonly Node* _node;
    private readonly int _n0, _n1, _n2, _n3;
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

    public HaarWindow(CascadeModel model, int stride, int tiltedOffset)
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
                int o = 4 * r;
                if (rects[r].Weight == 0f) corners[o] = corners[o + 1] = corners[o + 2] = corners[o + 3] = 0;
                else if (feature.Tilted)
                {
                    corners[o] = tiltedOffset + x + stride * y;
                    corners[o + 1] = tiltedOffset + x - rh + stride * (y + rh);
                    corners[o + 2] = tiltedOffset + x + rw + stride * (y + rw);
                    corners[o + 3] = tiltedOffset + x + rw - rh + stride * (y + rw + rh);
                }
                else
                {
                    corners[o] = x + stride * y;
                    corners[o + 1] = x + rw + stride * y;
                    corners[o + 2] = x + stride * (y + rh);
                    corners[o + 3] = x + rw + stride * (y + rh);
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
        _n0 = 1 + stride;
        _n1 = 1 + nw + stride;
        _n2 = 1 + stride * (1 + nh);
        _n3 = 1 + nw + stride * (1 + nh);
        _normArea = (double)nw * nh;
    }

    /// <summary>Runs the cascade on the window at <paramref name="offset"/>: 1 = accepted, -k = rejected at stage k
    /// (0 = first stage), -1 also when the variance test fails (as OpenCV's <c>runAt</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Run(int* sum, int* squares, int offset)
    {
        int* p = sum + offset;
        int* q = squares + offset;
        int valsum = p[_n0] - p[_n1] - p[_n2] + p[_n3];
        uint valsq = unchecked((uint)(q[_n0] - q[_n1] - q[_n2] + q[_n3]));
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
        Node* node = _node;
        for (int s = 0; s < stages.Length; s++)
        {
            double stageSum = 0;
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
