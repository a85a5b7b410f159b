using System.Runtime.CompilerServices;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Detection;

/// <summary>One scale level of the cascade search: shrink the image, build its integral images, slide the window.</summary>
internal static unsafe class ScaleLevel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<BoundingBox> Detect(CascadeModel model, Image<byte> grey, float scale)
    {
        int w = (int)MathF.Round(grey.Width / scale, MidpointRounding.ToEven);
        int h = (int)MathF.Round(grey.Height / scale, MidpointRounding.ToEven);
        var small = new byte[w * h];
        ImageResize.BilinearInto(grey.Pixels, grey.Width, grey.Height, 1, small, w, h);

        int stride = w + 1, plane = stride * (h + 1);
        bool tilted = model.FeatureType == CascadeFeatureType.Haar && model.HasTiltedFeatures;
        // One buffer: sum, then tilted sum (Haar with tilted features), so every feature reads one base pointer.
        var integral = new int[tilted ? 2 * plane : plane];
        var squares = new int[plane];
        IntegralImage.Compute(small, w, h, integral, squares);
        if (tilted) IntegralImage.ComputeTilted(small, w, h, integral.AsSpan(plane));

        int step = scale >= 2 ? 1 : 2;
        int workW = Math.Max(w + 1 - model.WindowWidth, 0), workH = Math.Max(h + 1 - model.WindowHeight, 0);
        int winW = (int)MathF.Round(model.WindowWidth * scale, MidpointRounding.ToEven);
        int winH = (int)MathF.Round(model.WindowHeight * scale, MidpointRounding.ToEven);
        var hits = new List<BoundingBox>();
        var haar = model.FeatureType == CascadeFeatureType.Haar ? new HaarWindow(model, stride, plane) : null;
        var lbp = haar is null ? new LbpWindow(model, stride) : null;
        fixed (int* sum = integral)
        fixed (int* sq = squares)
        {
            for (int y = 0; y < workH; y += step)
            {
                for (int x = 0; x < workW; x += step)
                {
                    int result = x + model.WindowWidth >= stride || y + model.WindowHeight >= h + 1
                        ? -1
                        : haar is not null ? haar.Run(sum, sq, y * stride + x) : lbp!.Run(sum, y * stride + x);
                    if (result > 0)
                    {
                        // OpenCV clips each raw hit to the image (a window scaled back can overhang by a pixel or two).
                        int bx = (int)MathF.Round(x * scale, MidpointRounding.ToEven);
                        int by = (int)MathF.Round(y * scale, MidpointRounding.ToEven);
                        hits.Add(new BoundingBox(bx, by, Math.Min(winW, grey.Width - bx), Math.Min(winH, grey.Height - by)));
                    }
                    if (result == 0) x += step;
                }
            }
        }
        return hits;
    }
}
