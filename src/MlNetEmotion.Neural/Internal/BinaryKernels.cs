using System.Numerics.Tensors;

namespace MlNetEmotion.Neural.Internal;

/// <summary>Elementwise binary ops handled by <see cref="BinaryKernels"/>.</summary>
internal enum BinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
    Max,
    Min,
    Pow,
}

/// <summary>Broadcasting elementwise kernels: dims are coalesced so the inner loop is one vectorised row.</summary>
internal static class BinaryKernels
{
    /// <summary>dst[outShape] = a op b with NumPy broadcasting.</summary>
    public static void Apply(BinaryOp op, float[] a, ReadOnlySpan<long> aShape, float[] b, ReadOnlySpan<long> bShape, float[] dst, long[] outShape)
    {
        if (a.Length == dst.Length && b.Length == dst.Length)
        {
            Parallelism.ForChunks(dst.Length, (s, n) => Row(op, a.AsSpan(s, n), true, b.AsSpan(s, n), true, dst.AsSpan(s, n)));
            return;
        }
        if (b.Length == 1 && a.Length == dst.Length)
        {
            Parallelism.ForChunks(dst.Length, (s, n) => Row(op, a.AsSpan(s, n), true, b, false, dst.AsSpan(s, n)));
            return;
        }
        if (a.Length == 1 && b.Length == dst.Length)
        {
            Parallelism.ForChunks(dst.Length, (s, n) => Row(op, a, false, b.AsSpan(s, n), true, dst.AsSpan(s, n)));
            return;
        }
        if (dst.Length == 0) return;

        // Coalesce adjacent dims where both operands keep the contiguous relation (including both broadcast).
        var aStr = Shapes.BroadcastStrides(aShape, outShape);
        var bStr = Shapes.BroadcastStrides(bShape, outShape);
        var shape = new List<long>();
        var sa = new List<long>();
        var sb = new List<long>();
        for (int d = 0; d < outShape.Length; d++)
        {
            if (outShape[d] == 1) continue;
            int last = shape.Count - 1;
            if (last >= 0 && sa[last] == aStr[d] * outShape[d] && sb[last] == bStr[d] * outShape[d])
            {
                shape[last] *= outShape[d];
                sa[last] = aStr[d];
                sb[last] = bStr[d];
            }
            else
            {
                shape.Add(outShape[d]);
                sa.Add(aStr[d]);
                sb.Add(bStr[d]);
            }
        }
        int rank = shape.Count;
        int inner = (int)shape[rank - 1];
        bool aVec = sa[rank - 1] != 0, bVec = sb[rank - 1] != 0;
        int rows = dst.Length / inner;
        var outerShape = shape.Take(rank - 1).ToArray();
        var outerA = sa.Take(rank - 1).ToArray();
        var outerB = sb.Take(rank - 1).ToArray();
        Parallelism.For(rows, inner, r =>
        {
            long offA = 0, offB = 0, rem = r;
            for (int d = outerShape.Length - 1; d >= 0; d--)
            {
                long i = rem % outerShape[d];
                rem /= outerShape[d];
                offA += i * outerA[d];
                offB += i * outerB[d];
            }
            Row(op, a.AsSpan((int)offA, aVec ? inner : 1), aVec, b.AsSpan((int)offB, bVec ? inner : 1), bVec, dst.AsSpan(r * inner, inner));
        });
    }

    /// <summary>One row: vector or scalar (length-1 span) operands.</summary>
    private static void Row(BinaryOp op, ReadOnlySpan<float> a, bool aVec, ReadOnlySpan<float> b, bool bVec, Span<float> d)
    {
        if (aVec && bVec)
        {
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(a, b, d); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, d); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, d); break;
                case BinaryOp.Div: TensorPrimitives.Divide(a, b, d); break;
                case BinaryOp.Max: TensorPrimitives.Max(a, b, d); break;
                case BinaryOp.Min: TensorPrimitives.Min(a, b, d); break;
                default: TensorPrimitives.Pow(a, b, d); break;
            }
        }
        else if (aVec)
        {
            float s = b[0];
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(a, s, d); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(a, s, d); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(a, s, d); break;
                case BinaryOp.Div: TensorPrimitives.Divide(a, s, d); break;
                case BinaryOp.Max: TensorPrimitives.Max(a, s, d); break;
                case BinaryOp.Min: TensorPrimitives.Min(a, s, d); break;
                default: TensorPrimitives.Pow(a, s, d); break;
            }
        }
        else if (bVec)
        {
            float s = a[0];
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(b, s, d); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(s, b, d); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(b, s, d); break;
                case BinaryOp.Div: TensorPrimitives.Divide(s, b, d); break;
                case BinaryOp.Max: TensorPrimitives.Max(b, s, d); break;
                case BinaryOp.Min: TensorPrimitives.Min(b, s, d); break;
                default: TensorPrimitives.Pow(s, b, d); break;
            }
        }
        else
        {
            d.Fill(Scalar(op, a[0], b[0]));
        }
    }

    /// <summary>The op on two scalars.</summary>
    public static float Scalar(BinaryOp op, float x, float y) => op switch
    {
        BinaryOp.Add => x + y,
        BinaryOp.Sub => x - y,
        BinaryOp.Mul => x * y,
        BinaryOp.Div => x / y,
        BinaryOp.Max => float.IsNaN(x) || float.IsNaN(y) ? float.NaN : Math.Max(x, y),
        BinaryOp.Min => float.IsNaN(x) || float.IsNaN(y) ? float.NaN : Math.Min(x, y),
        _ => MathF.Pow(x, y),
    };
}
