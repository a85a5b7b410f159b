namespace MlNetEmotion.Vision.Detection;

/// <summary>OpenCV's <c>groupRectangles</c>: clusters similar boxes, keeps clusters with more than
/// <c>minNeighbors</c> members as their averaged box, and drops a kept box lying inside a stronger one.</summary>
public static class RectangleGrouping
{
    /// <summary>Groups <paramref name="boxes"/>.</summary>
    /// <param name="boxes">Raw detections.</param>
    /// <param name="minNeighbors">A cluster needs more than this many members; 0 or less returns the input unchanged.</param>
    /// <param name="eps">Relative similarity tolerance; OpenCV's detector uses 0.2.</param>
    public static List<BoundingBox> Group(IReadOnlyList<BoundingBox> boxes, int minNeighbors, double eps = 0.2)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        if (minNeighbors <= 0 || boxes.Count == 0) return [.. boxes];
        var labels = Partition(boxes, eps, out int classes);
        var sums = new long[classes, 4];
        var counts = new int[classes];
        for (int i = 0; i < boxes.Count; i++)
        {
            int c = labels[i];
            sums[c, 0] += boxes[i].X;
            sums[c, 1] += boxes[i].Y;
            sums[c, 2] += boxes[i].Width;
            sums[c, 3] += boxes[i].Height;
            counts[c]++;
        }
        var means = new BoundingBox[classes];
        for (int c = 0; c < classes; c++)
        {
            float s = 1f / counts[c];
            means[c] = new BoundingBox(RoundFloat(sums[c, 0] * s), RoundFloat(sums[c, 1] * s),
                RoundFloat(sums[c, 2] * s), RoundFloat(sums[c, 3] * s));
        }
        var result = new List<BoundingBox>();
        for (int i = 0; i < classes; i++)
        {
            var r1 = means[i];
            int n1 = counts[i];
            if (n1 <= minNeighbors) continue;
            bool inside = false;
            for (int j = 0; j < classes && !inside; j++)
            {
                int n2 = counts[j];
                if (j == i || n2 <= minNeighbors) continue;
                var r2 = means[j];
                int dx = (int)Math.Round(r2.Width * eps, MidpointRounding.ToEven);
                int dy = (int)Math.Round(r2.Height * eps, MidpointRounding.ToEven);
                inside = r1.X >= r2.X - dx && r1.Y >= r2.Y - dy
                         && r1.X + r1.Width <= r2.X + r2.Width + dx && r1.Y + r1.Height <= r2.Y + r2.Height + dy
                         && (n2 > Math.Max(3, n1) || n1 < 3);
            }
            if (!inside) result.Add(r1);
        }
        return result;
    }

    /// <summary>OpenCV's <c>SimilarRects</c>: every edge within <c>eps * (min width + min height) / 2</c>.</summary>
    internal static bool Similar(BoundingBox a, BoundingBox b, double eps)
    {
        double delta = eps * (Math.Min(a.Width, b.Width) + Math.Min(a.Height, b.Height)) * 0.5;
        return Math.Abs(a.X - b.X) <= delta && Math.Abs(a.Y - b.Y) <= delta
               && Math.Abs(a.X + a.Width - b.X - b.Width) <= delta && Math.Abs(a.Y + a.Height - b.Y - b.Height) <= delta;
    }

    /// <summary>Equivalence classes of the transitive closure of <see cref="Similar"/>, numbered in order of first member.</summary>
    private static int[] Partition(IReadOnlyList<BoundingBox> boxes, double eps, out int classes)
    {
        int n = boxes.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (Similar(boxes[i], boxes[j], eps))
                {
                    int a = Find(i), b = Find(j);
                    if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
                }
        var labels = new int[n];
        var classOf = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!classOf.TryGetValue(root, out int c)) classOf[root] = c = classOf.Count;
            labels[i] = c;
        }
        classes = classOf.Count;
        return labels;
    }

    /// <summary>Round half to even of a float, as OpenCV's <c>saturate_cast&lt;int&gt;(float)</c>.</summary>
    private static int RoundFloat(float v) => (int)MathF.Round(v, MidpointRounding.ToEven);
}
