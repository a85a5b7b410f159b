namespace MlNetEmotion.Vision.Detection;

/// <summary>Haar cascade evaluation with OpenCV's arithmetic: feature sums in float, scaled by the float inverse of
/// the window's standard-deviation term, compared with float thresholds, stage sums accumulated in double.</summary>
internal sealed unsafe class HaarWindow : IWindowEvaluator
{
    private readonly CascadeModel _model;
    private readonly int[] _offsets; // 12 per feature: 3 rectangles x 4 corners
    private readonly float[] _weights; // 3 per feature
    private readonly int _n0, _n1, _n2, _n3;
    private readonly double _normArea;
    private readonly bool _stumps;
    private readonly int[] _feature;
    private readonly float[] _threshold, _left, _right;

    public HaarWindow(CascadeModel model, int stride, int tiltedOffset)
    {
        _model = model;
        int n = model.HaarFeatures.Length;
        _offsets = new int[12 * n];
        _weights = new float[3 * n];
        for (int f = 0; f < n; f++)
        {
            var feature = model.HaarFeatures[f];
            HaarRect[] rects = [feature.R0, feature.R1, feature.R2];
            for (int r = 0; r < 3; r++)
            {
                var (x, y, rw, rh) = (rects[r].X, rects[r].Y, rects[r].Width, rects[r].Height);
                _weights[3 * f + r] = rects[r].Weight;
                int o = 12 * f + 4 * r;
                if (feature.Tilted)
                {
                    _offsets[o] = tiltedOffset + x + stride * y;
                    _offsets[o + 1] = tiltedOffset + x - rh + stride * (y + rh);
                    _offsets[o + 2] = tiltedOffset + x + rw + stride * (y + rw);
                    _offsets[o + 3] = tiltedOffset + x + rw - rh + stride * (y + rw + rh);
                }
                else
                {
                    _offsets[o] = x + stride * y;
                    _offsets[o + 1] = x + rw + stride * y;
                    _offsets[o + 2] = x + stride * (y + rh);
                    _offsets[o + 3] = x + rw + stride * (y + rh);
                }
            }
        }
        // Normalisation rectangle: the window less a one-pixel border.
        int nw = model.WindowWidth - 2, nh = model.WindowHeight - 2;
        _n0 = 1 + stride;
        _n1 = 1 + nw + stride;
        _n2 = 1 + stride * (1 + nh);
        _n3 = 1 + nw + stride * (1 + nh);
        _normArea = (double)nw * nh;
        _stumps = model.IsStumpBased;
        int nodes = model.Nodes.Length;
        _feature = new int[nodes];
        _threshold = new float[nodes];
        _left = new float[nodes];
        _right = new float[nodes];
        for (int i = 0; i < nodes; i++)
        {
            _feature[i] = model.Nodes[i].FeatureIndex;
            _threshold[i] = model.Nodes[i].Threshold;
            if (_stumps)
            {
                _left[i] = model.Leaves[2 * i];
                _right[i] = model.Leaves[2 * i + 1];
            }
        }
    }

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

    private int RunStumps(int* p, float norm)
    {
        var stages = _model.Stages;
        fixed (int* offsets = _offsets)
        fixed (float* weights = _weights)
        {
            int node = 0;
            for (int s = 0; s < stages.Length; s++)
            {
                double stageSum = 0;
                int end = node + stages[s].TreeCount;
                for (; node < end; node++)
                {
                    double value = Feature(p, offsets, weights, _feature[node]) * norm;
                    stageSum += value < _threshold[node] ? _left[node] : _right[node];
                }
                if (stageSum < stages[s].Threshold) return -s;
            }
        }
        return 1;
    }

    private int RunTrees(int* p, float norm)
    {
        var stages = _model.Stages;
        var counts = _model.TreeNodeCounts;
        var nodes = _model.Nodes;
        var leaves = _model.Leaves;
        int nodeOfs = 0, leafOfs = 0, tree = 0;
        fixed (int* offsets = _offsets)
        fixed (float* weights = _weights)
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
                        double value = Feature(p, offsets, weights, n.FeatureIndex) * norm;
                        idx = value < n.Threshold ? n.Left : n.Right;
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

    private static float Feature(int* p, int* offsets, float* weights, int f)
    {
        int* o = offsets + 12 * f;
        float* w = weights + 3 * f;
        float value = w[0] * (p[o[0]] - p[o[1]] - p[o[2]] + p[o[3]])
                      + w[1] * (p[o[4]] - p[o[5]] - p[o[6]] + p[o[7]]);
        if (w[2] != 0f) value += w[2] * (p[o[8]] - p[o[9]] - p[o[10]] + p[o[11]]);
        return value;
    }
}
