namespace MlNetEmotion.Eeg.Topography.Geometry;

/// <summary>A 2-D Delaunay triangulation with triangle neighbours and point location, the structure scipy's
/// <c>Delaunay</c> (Qhull) provides to its interpolators.</summary>
/// <remarks>Built by a lexicographic sweep (each new point joined to the hull edges it sees) followed by Lawson edge
/// flips until every edge is locally Delaunay. All decisions use <see cref="ExactPredicates"/>, so the result is a
/// true Delaunay triangulation of the given doubles; where four or more points are exactly co-circular any of the
/// valid triangulations may be returned (Qhull then also picks one arbitrarily).</remarks>
public sealed class DelaunayTriangulation
{
    /// <summary>scipy's tolerance on barycentric coordinates when locating points (100 machine epsilons).</summary>
    public const double LocationEpsilon = 100 * 2.220446049250313e-16;

    private readonly Triangle[] _triangles;
    private readonly int[] _neighbors;
    private readonly int[][] _vertexNeighbors;
    private readonly double[] _transforms; // per triangle: inverse of [[xa-xc, xb-xc],[ya-yc, yb-yc]] (4 numbers)

    private DelaunayTriangulation(Point2[] points, Triangle[] triangles)
    {
        Points = points;
        _triangles = triangles;
        _neighbors = new int[3 * triangles.Length];
        var edges = new Dictionary<(int, int), int>(3 * triangles.Length);
        for (int t = 0; t < triangles.Length; t++)
            for (int k = 0; k < 3; k++)
                edges[(triangles[t][(k + 1) % 3], triangles[t][(k + 2) % 3])] = t;
        var adjacency = Enumerable.Range(0, points.Length).Select(_ => new SortedSet<int>()).ToArray();
        for (int t = 0; t < triangles.Length; t++)
            for (int k = 0; k < 3; k++)
            {
                int u = triangles[t][(k + 1) % 3], v = triangles[t][(k + 2) % 3];
                _neighbors[3 * t + k] = edges.TryGetValue((v, u), out int n) ? n : -1;
                adjacency[u].Add(v);
                adjacency[v].Add(u);
            }
        _vertexNeighbors = adjacency.Select(s => s.ToArray()).ToArray();
        _transforms = new double[4 * triangles.Length];
        for (int t = 0; t < triangles.Length; t++)
        {
            Point2 a = points[triangles[t].A], b = points[triangles[t].B], c = points[triangles[t].C];
            double m00 = a.X - c.X, m01 = b.X - c.X, m10 = a.Y - c.Y, m11 = b.Y - c.Y;
            double det = m00 * m11 - m01 * m10;
            _transforms[4 * t] = m11 / det;
            _transforms[4 * t + 1] = -m01 / det;
            _transforms[4 * t + 2] = -m10 / det;
            _transforms[4 * t + 3] = m00 / det;
        }
    }

    /// <summary>The triangulated points.</summary>
    public IReadOnlyList<Point2> Points { get; }

    /// <summary>The triangles, each counter-clockwise.</summary>
    public IReadOnlyList<Triangle> Triangles => _triangles;

    /// <summary>The triangle across the edge opposite vertex <paramref name="k"/> of triangle <paramref name="t"/>, or -1 on the hull.</summary>
    public int Neighbor(int t, int k) => _neighbors[3 * t + k];

    /// <summary>The vertices joined to <paramref name="vertex"/> by an edge, ascending.</summary>
    public IReadOnlyList<int> VertexNeighbors(int vertex) => _vertexNeighbors[vertex];

    /// <summary>The convex-hull edges, each oriented counter-clockwise around the hull.</summary>
    public IEnumerable<(int From, int To)> HullEdges()
    {
        for (int t = 0; t < _triangles.Length; t++)
            for (int k = 0; k < 3; k++)
                if (_neighbors[3 * t + k] < 0) yield return (_triangles[t][(k + 1) % 3], _triangles[t][(k + 2) % 3]);
    }

    /// <summary>Triangulates <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than three points, a repeated point or all points on one line.</exception>
    public static DelaunayTriangulation Create(IReadOnlyList<Point2> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var p = points.ToArray();
        if (p.Length < 3) throw new ArgumentException($"Triangulation needs at least 3 points, got {p.Length}.", nameof(points));
        foreach (var q in p)
            if (!double.IsFinite(q.X) || !double.IsFinite(q.Y)) throw new ArgumentException($"Point {q} is not finite.", nameof(points));
        return new DelaunayTriangulation(p, new Builder(p).Build());
    }

    /// <summary>Wraps a given triangulation (e.g. scipy's <c>Delaunay.simplices</c>); triangles are re-oriented counter-clockwise.</summary>
    public static DelaunayTriangulation FromTriangles(IReadOnlyList<Point2> points, IReadOnlyList<Triangle> triangles)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(triangles);
        var p = points.ToArray();
        var t = triangles.Select(tr => ExactPredicates.Orient(p[tr.A], p[tr.B], p[tr.C]) >= 0 ? tr : new Triangle(tr.A, tr.C, tr.B)).ToArray();
        return new DelaunayTriangulation(p, t);
    }

    /// <summary>Finds a triangle containing <paramref name="point"/> (within <see cref="LocationEpsilon"/> in barycentric
    /// coordinates, as scipy) and writes its barycentric coordinates for vertices A, B, C; returns -1 when outside.</summary>
    public int FindTriangle(Point2 point, Span<double> barycentric)
    {
        for (int t = 0; t < _triangles.Length; t++)
        {
            Barycentric(t, point, barycentric);
            if (barycentric[0] >= -LocationEpsilon && barycentric[1] >= -LocationEpsilon && barycentric[2] >= -LocationEpsilon
                && barycentric[0] <= 1 + LocationEpsilon && barycentric[1] <= 1 + LocationEpsilon && barycentric[2] <= 1 + LocationEpsilon)
                return t;
        }
        return -1;
    }

    /// <summary>Barycentric coordinates of <paramref name="point"/> with respect to triangle <paramref name="t"/>.</summary>
    public void Barycentric(int t, Point2 point, Span<double> barycentric)
    {
        Point2 c = Points[_triangles[t].C];
        double dx = point.X - c.X, dy = point.Y - c.Y;
        barycentric[0] = _transforms[4 * t] * dx + _transforms[4 * t + 1] * dy;
        barycentric[1] = _transforms[4 * t + 2] * dx + _transforms[4 * t + 3] * dy;
        barycentric[2] = 1 - barycentric[0] - barycentric[1];
    }

    private sealed class Builder(Point2[] p)
    {
        private readonly List<Triangle> _tris = [];
        private readonly Dictionary<(int, int), int> _edges = [];

        public Triangle[] Build()
        {
            int[] order = Enumerable.Range(0, p.Length).ToArray();
            Array.Sort(order, (i, j) => p[i].X != p[j].X ? p[i].X.CompareTo(p[j].X) : p[i].Y.CompareTo(p[j].Y));
            for (int i = 1; i < order.Length; i++)
                if (p[order[i]] == p[order[i - 1]])
                    throw new ArgumentException($"Points {Math.Min(order[i], order[i - 1])} and {Math.Max(order[i], order[i - 1])} coincide at {p[order[i]]}; electrode positions must be distinct.");
            int k = 2;
            while (k < order.Length && ExactPredicates.Orient(p[order[0]], p[order[1]], p[order[k]]) == 0) k++;
            if (k == order.Length) throw new ArgumentException("All points lie on one line; a triangulation needs three non-collinear points.");
            int apex = order[k];
            bool left = ExactPredicates.Orient(p[order[0]], p[order[1]], p[apex]) > 0;
            var hull = new List<int>();
            for (int i = 0; i + 1 < k; i++)
                Add(left ? new Triangle(order[i], order[i + 1], apex) : new Triangle(order[i + 1], order[i], apex));
            if (left) { for (int i = 0; i < k; i++) hull.Add(order[i]); hull.Add(apex); }
            else { hull.Add(order[0]); hull.Add(apex); for (int i = k - 1; i >= 1; i--) hull.Add(order[i]); }
            for (int i = k + 1; i < order.Length; i++) Insert(hull, order[i]);
            Legalize();
            return _tris.ToArray();
        }

        private void Insert(List<int> hull, int v)
        {
            int n = hull.Count;
            var visible = new bool[n];
            for (int i = 0; i < n; i++) visible[i] = ExactPredicates.Orient(p[hull[i]], p[hull[(i + 1) % n]], p[v]) < 0;
            int start = 0;
            while (!(visible[start] && !visible[(start + n - 1) % n])) start++; // first visible edge of the run
            int count = 0;
            while (visible[(start + count) % n]) count++;
            for (int j = 0; j < count; j++)
            {
                int a = hull[(start + j) % n], b = hull[(start + j + 1) % n];
                Add(new Triangle(b, a, v));
            }
            // vertices strictly inside the visible chain leave the hull; v goes after the chain's first vertex
            var removed = new HashSet<int>();
            for (int j = 1; j < count; j++) removed.Add((start + j) % n);
            var next = new List<int>(n + 1);
            for (int i = 0; i < n; i++)
            {
                if (removed.Contains(i)) continue;
                next.Add(hull[i]);
                if (i == start) next.Add(v);
            }
            hull.Clear();
            hull.AddRange(next);
        }

        private void Add(Triangle t)
        {
            int index = _tris.Count;
            _tris.Add(t);
            _edges[(t.A, t.B)] = index;
            _edges[(t.B, t.C)] = index;
            _edges[(t.C, t.A)] = index;
        }

        private void Set(int index, Triangle t)
        {
            _tris[index] = t;
            _edges[(t.A, t.B)] = index;
            _edges[(t.B, t.C)] = index;
            _edges[(t.C, t.A)] = index;
        }

        private void Legalize()
        {
            var stack = new Stack<(int, int)>();
            foreach (var t in _tris) { stack.Push((t.A, t.B)); stack.Push((t.B, t.C)); stack.Push((t.C, t.A)); }
            while (stack.Count > 0)
            {
                var (a, b) = stack.Pop();
                if (!_edges.TryGetValue((a, b), out int t1) || !_edges.TryGetValue((b, a), out int t2)) continue;
                int c = Third(_tris[t1], a, b), d = Third(_tris[t2], b, a);
                if (ExactPredicates.InCircle(p[a], p[b], p[c], p[d]) <= 0) continue;
                _edges.Remove((a, b));
                _edges.Remove((b, a));
                Set(t1, new Triangle(a, d, c));
                Set(t2, new Triangle(d, b, c));
                stack.Push((a, d)); stack.Push((d, b)); stack.Push((b, c)); stack.Push((c, a));
            }
        }

        private static int Third(Triangle t, int a, int b) => t.A != a && t.A != b ? t.A : t.B != a && t.B != b ? t.B : t.C;
    }
}
