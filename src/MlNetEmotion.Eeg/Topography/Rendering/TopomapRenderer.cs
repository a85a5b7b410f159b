using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Topography.Rendering;

/// <summary>Draws a topomap as an RGBA picture for reports: the map bilinearly resampled and coloured, transparent
/// outside the head (and where the map is undefined), with head outline, nose, ears and electrode dots; nose up.</summary>
public static class TopomapRenderer
{
    /// <summary>Renders one image produced by <paramref name="interpolator"/>.</summary>
    /// <param name="interpolator">The interpolator that made the map (grid, head and electrode positions).</param>
    /// <param name="map">Height·Width values, row-major, row 0 at the back of the head.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static Image<byte> Render(TopomapInterpolator interpolator, ReadOnlySpan<float> map, TopomapRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpolator);
        options ??= new TopomapRenderOptions();
        var grid = interpolator.Grid;
        int h = grid.Y.Count, w = grid.X.Count;
        if (map.Length != h * w) throw new ArgumentException($"Expected a {h}×{w} map ({h * w} values), got {map.Length}.", nameof(map));
        if (options.Scale < 1 || options.Scale > 64) throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "Render scale must be 1 to 64.");

        var filled = new bool[h * w];
        foreach (int i in interpolator.FilledPixels) filled[i] = true;
        double lo = options.Min ?? double.PositiveInfinity, hi = options.Max ?? double.NegativeInfinity;
        if (options.Min is null || options.Max is null)
            for (int i = 0; i < map.Length; i++)
                if (!filled[i] && float.IsFinite(map[i]))
                {
                    lo = options.Min ?? Math.Min(lo, map[i]);
                    hi = options.Max ?? Math.Max(hi, map[i]);
                }
        double range = hi > lo ? hi - lo : 1;

        // Canvas: the clip circle plus room for nose and ears, nose (+y) at the top.
        double r = Math.Max(grid.ClipRadius, grid.HeadRadius);
        double margin = 0.25 * r, x0 = grid.ClipOrigin.X - r - margin, y1 = grid.ClipOrigin.Y + r + margin;
        int size = (int)Math.Ceiling(options.Scale * w * (2 * (r + margin)) / (grid.X[^1] - grid.X[0]));
        double perPixel = 2 * (r + margin) / size;
        var image = new Image<byte>(size, size, 4);
        double line = 1.2 * perPixel * Math.Max(1, options.Scale / 4.0);
        for (int py = 0; py < size; py++)
            for (int px = 0; px < size; px++)
            {
                var p = new Point2(x0 + (px + 0.5) * perPixel, y1 - (py + 0.5) * perPixel);
                if (grid.InsideHead(p) && Sample(grid, map, filled, p) is double v && double.IsFinite(v))
                {
                    var (cr, cg, cb) = options.ColorMap[(v - lo) / range];
                    Set(image, px, py, cr, cg, cb);
                }
                if (options.DrawHead && OnHeadOutline(grid, p, line)) Set(image, px, py, 0, 0, 0);
            }
        if (options.DrawElectrodes)
        {
            double dot = 1.6 * line;
            foreach (var e in interpolator.Electrodes)
            {
                int cx = (int)((e.X - x0) / perPixel), cy = (int)((y1 - e.Y) / perPixel), reach = (int)Math.Ceiling(dot / perPixel) + 1;
                for (int py = Math.Max(0, cy - reach); py <= Math.Min(size - 1, cy + reach); py++)
                    for (int px = Math.Max(0, cx - reach); px <= Math.Min(size - 1, cx + reach); px++)
                        if (Point2.Distance(e, new Point2(x0 + (px + 0.5) * perPixel, y1 - (py + 0.5) * perPixel)) <= dot)
                            Set(image, px, py, 0, 0, 0);
            }
        }
        return image;
    }

    private static void Set(Image<byte> image, int x, int y, byte r, byte g, byte b)
    {
        image[y, x, 0] = r;
        image[y, x, 1] = g;
        image[y, x, 2] = b;
        image[y, x, 3] = 255;
    }

    // Bilinear interpolation between pixel centres; null outside the grid or next to a filled pixel.
    private static double? Sample(TopomapGrid grid, ReadOnlySpan<float> map, bool[] filled, Point2 p)
    {
        int w = grid.X.Count, h = grid.Y.Count;
        double fx = (p.X - grid.X[0]) / (grid.X[^1] - grid.X[0]) * (w - 1);
        double fy = (p.Y - grid.Y[0]) / (grid.Y[^1] - grid.Y[0]) * (h - 1);
        if (fx < 0 || fy < 0 || fx > w - 1 || fy > h - 1) return null;
        int i = Math.Min((int)fy, h - 2), j = Math.Min((int)fx, w - 2);
        double ty = fy - i, tx = fx - j;
        if (filled[i * w + j] || filled[i * w + j + 1] || filled[(i + 1) * w + j] || filled[(i + 1) * w + j + 1]) return null;
        double a = map[i * w + j], b = map[i * w + j + 1], c = map[(i + 1) * w + j], d = map[(i + 1) * w + j + 1];
        return (1 - ty) * ((1 - tx) * a + tx * b) + ty * ((1 - tx) * c + tx * d);
    }

    // Head circle, nose (two strokes from ±18° on the circle to 1.15 R) and ears (half-ellipses outside the circle).
    private static bool OnHeadOutline(TopomapGrid grid, Point2 p, double width)
    {
        double r = grid.HeadRadius, dx = p.X - grid.HeadCenter.X, dy = p.Y - grid.HeadCenter.Y;
        double d = Math.Sqrt(dx * dx + dy * dy);
        if (Math.Abs(d - r) <= width / 2) return true;
        var tip = new Point2(0, 1.15 * r);
        var left = new Point2(-r * Math.Sin(0.314), r * Math.Cos(0.314));
        var right = new Point2(r * Math.Sin(0.314), r * Math.Cos(0.314));
        var local = new Point2(dx, dy);
        if (d > r && (SegmentDistance(local, left, tip) <= width / 2 || SegmentDistance(local, right, tip) <= width / 2)) return true;
        if (d > r)
        {
            double ex = (Math.Abs(dx) - r) / (0.09 * r), ey = dy / (0.2 * r);
            double e = Math.Sqrt(ex * ex + ey * ey);
            if (Math.Abs(e - 1) * 0.09 * r <= width / 2) return true;
        }
        return false;
    }

    private static double SegmentDistance(Point2 p, Point2 a, Point2 b)
    {
        double vx = b.X - a.X, vy = b.Y - a.Y;
        double t = Math.Clamp(((p.X - a.X) * vx + (p.Y - a.Y) * vy) / (vx * vx + vy * vy), 0, 1);
        return Point2.Distance(p, new Point2(a.X + t * vx, a.Y + t * vy));
    }
}
