namespace MlNetEmotion.Neural;

/// <summary>Shape arithmetic shared by the ops: element counts, broadcasting, dimension normalisation.</summary>
internal static class Shapes
{
    /// <summary>Formats a shape as <c>[2, 3]</c>.</summary>
    public static string Format(ReadOnlySpan<long> shape)
    {
        var sb = new System.Text.StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(shape[i]);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Number of elements of a shape.</summary>
    public static long Numel(ReadOnlySpan<long> shape)
    {
        long n = 1;
        foreach (long d in shape) n *= d;
        return n;
    }

    /// <summary>Validates a shape given by the user and returns its element count as an int.</summary>
    public static int CheckedNumel(ReadOnlySpan<long> shape, string op)
    {
        long n = 1;
        foreach (long d in shape)
        {
            if (d < 0) throw new ArgumentException($"{op}: negative dimension in shape {Format(shape)}.");
            n *= d;
            if (n > Array.MaxLength) throw new ArgumentException($"{op}: shape {Format(shape)} has too many elements.");
        }
        return (int)n;
    }

    /// <summary>Product of dims in [start, end).</summary>
    public static int Prod(ReadOnlySpan<long> shape, int start, int end)
    {
        long n = 1;
        for (int i = start; i < end; i++) n *= shape[i];
        return (int)n;
    }

    /// <summary>True when both shapes are identical.</summary>
    public static bool Equal(ReadOnlySpan<long> a, ReadOnlySpan<long> b) => a.SequenceEqual(b);

    /// <summary>Broadcast shape of two operands (NumPy rules), or a <see cref="ShapeMismatchException"/>.</summary>
    public static long[] Broadcast(ReadOnlySpan<long> a, ReadOnlySpan<long> b, string op)
    {
        int n = Math.Max(a.Length, b.Length);
        var result = new long[n];
        for (int i = 0; i < n; i++)
        {
            long da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            long db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ShapeMismatchException(op, a, b, $"dimension {i} is {da} vs {db} and neither is 1");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Strides of <paramref name="shape"/> aligned to <paramref name="outShape"/>, 0 where broadcast.</summary>
    public static long[] BroadcastStrides(ReadOnlySpan<long> shape, ReadOnlySpan<long> outShape)
    {
        int rank = outShape.Length;
        var strides = new long[rank];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            int o = i + rank - shape.Length;
            strides[o] = shape[i] == 1 ? 0 : s;
            s *= shape[i];
        }
        return strides;
    }

    /// <summary>Contiguous row-major strides.</summary>
    public static long[] Strides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /// <summary>Normalises a possibly negative dim into [0, ndim).</summary>
    public static int Dim(long dim, int ndim, string op)
    {
        long d = dim < 0 ? dim + ndim : dim;
        if (d < 0 || d >= Math.Max(ndim, 1))
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"{op}: dim {dim} is out of range for a tensor with {ndim} dimensions.");
        return (int)d;
    }

    /// <summary>Resolves a reshape target with at most one -1 against a known element count.</summary>
    public static long[] ResolveReshape(ReadOnlySpan<long> from, ReadOnlySpan<long> to, string op)
    {
        long numel = Numel(from);
        var result = to.ToArray();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (infer >= 0) throw new ShapeMismatchException(op, from, to, "only one dimension can be -1");
                infer = i;
            }
            else if (result[i] < 0) throw new ShapeMismatchException(op, from, to, "dimensions must be non-negative or -1");
            else known *= result[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || numel % known != 0) throw new ShapeMismatchException(op, from, to, $"cannot infer -1 for {numel} elements");
            result[infer] = numel / known;
        }
        else if (known != numel) throw new ShapeMismatchException(op, from, to, $"element counts differ ({numel} vs {known})");
        return result;
    }
}
