using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Stump cascades on eight adjacent windows at once (AVX2). Every lane does exactly the scalar arithmetic of
/// <see cref="HaarWindow.Run"/> in the same order (int rectangle sums, float feature values, double stage sums), so
/// the hits are bit-identical; lanes only differ in how long they run.</summary>
internal sealed unsafe partial class HaarWindow
{
    /// <summary>Stages run on the whole batch until no lane lives; dead lanes keep computing (cheaper than finishing
    /// live ones window by window, whose branches mispredict). The first stage also runs on windows OpenCV skips (its
    /// verdict decides which windows are visited); their results are discarded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanRowBatched(int* row, int count, List<int> accepted)
    {
        var stages = _model.Stages;
        bool skip = false;
        for (int k = 0; k < count; k += Vector256<float>.Count)
        {
            int* p = row + k;
            var norm = Normalisation(p, out int normal);
            int pass = StagePasses(p, norm, stages[0]);
            int alive = Visited(normal & ~pass, Math.Min(count - k, Vector256<float>.Count), ref skip) & normal & pass;
            for (int s = 1; s < stages.Length && alive != 0; s++) alive &= StagePasses(p, norm, stages[s]);
            for (; alive != 0; alive &= alive - 1) accepted.Add(k + BitOperations.TrailingZeroCount(alive));
        }
    }

    /// <summary>Which of the first <paramref name="lanes"/> windows OpenCV visits, given which are rejected by the
    /// first stage: each visited rejection skips the next window, possibly in the next batch.</summary>
    private static int Visited(int rejectedFirst, int lanes, ref bool skip)
    {
        int visited = 0;
        for (int i = 0; i < lanes; i++)
        {
            if (skip)
            {
                skip = false;
                continue;
            }
            visited |= 1 << i;
            skip = (rejectedFirst >> i & 1) != 0;
        }
        return visited;
    }

    /// <summary>Per-lane inverse standard-deviation term and the mask of lanes that pass the variance test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<float> Normalisation(int* p, out int normal)
    {
        var sum = RectSum(p, _n0, _n1, _n2, _n3);
        // The squared sum is unsigned (it may exceed int range): flip the sign bit, convert, add 2^31 back (exact).
        var squares = RectSum(p, _q0, _q1, _q2, _q3) ^ Vector256.Create(int.MinValue);
        var area = Vector256.Create(_normArea);
        var (low, lowNormal) = Normalisation(sum.GetLower(), squares.GetLower(), area);
        var (high, highNormal) = Normalisation(sum.GetUpper(), squares.GetUpper(), area);
        normal = lowNormal | highNormal << 4;
        return Vector256.Create(low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float> Norm, int Normal) Normalisation(Vector128<int> sum, Vector128<int> flippedSquares, Vector256<double> area)
    {
        var s = Avx.ConvertToVector256Double(sum);
        var q = Avx.ConvertToVector256Double(flippedSquares) + Vector256.Create(2147483648.0);
        var nf = area * q - s * s;
        var norm = Avx.ConvertToVector128Single(Vector256<double>.One / Vector256.Sqrt(nf));
        var ok = Vector256.GreaterThan(nf, Vector256<double>.Zero)
                 & Vector256.LessThan(area * Avx.ConvertToVector256Double(norm), Vector256.Create(0.1));
        return (norm, (int)ok.ExtractMostSignificantBits());
    }

    /// <summary>Mask of lanes whose stage sum reaches the stage threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int StagePasses(int* p, Vector256<float> norm, CascadeModel.Stage stage)
    {
        var low = Vector256<double>.Zero;
        var high = Vector256<double>.Zero;
        Node* node = _node + stage.FirstTree;
        for (Node* end = node + stage.TreeCount; node < end; node++)
        {
            var value = Vector256.Create(node->W0) * Vector256.ConvertToSingle(RectSum(p, node->A0, node->A1, node->A2, node->A3))
                        + Vector256.Create(node->W1) * Vector256.ConvertToSingle(RectSum(p, node->B0, node->B1, node->B2, node->B3));
            if (node->W2 != 0f)
                value += Vector256.Create(node->W2) * Vector256.ConvertToSingle(RectSum(p, node->C0, node->C1, node->C2, node->C3));
            var leaf = Vector256.ConditionalSelect(Vector256.LessThan(value * norm, Vector256.Create(node->Threshold)),
                Vector256.Create(node->Left), Vector256.Create(node->Right));
            low += Avx.ConvertToVector256Double(leaf.GetLower());
            high += Avx.ConvertToVector256Double(leaf.GetUpper());
        }
        var threshold = Vector256.Create((double)stage.Threshold);
        return (int)(Vector256.GreaterThanOrEqual(low, threshold).ExtractMostSignificantBits()
                     | Vector256.GreaterThanOrEqual(high, threshold).ExtractMostSignificantBits() << 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> RectSum(int* p, int a, int b, int c, int d) =>
        Vector256.Load(p + a) - Vector256.Load(p + b) - Vector256.Load(p + c) + Vector256.Load(p + d);
}
