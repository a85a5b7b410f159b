namespace MlNetEmotion.Vision.Detection;

/// <summary>An axis-aligned box in pixel coordinates (top-left corner, size), as OpenCV's <c>cv::Rect</c>.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct BoundingBox(int X, int Y, int Width, int Height)
{
    /// <summary>Width times height.</summary>
    public long Area => (long)Width * Height;

    /// <summary>Intersection over union with <paramref name="other"/>, in [0, 1].</summary>
    public double IntersectionOverUnion(BoundingBox other)
    {
        long w = Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X);
        long h = Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0) return 0;
        double inter = (double)w * h;
        return inter / (Area + other.Area - inter);
    }
}
