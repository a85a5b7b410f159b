using System.Buffers;
using System.Runtime.CompilerServices;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Detection;

/// <summary>One scale level of the cascade search: shrink the image, build its integral images, slide the window.</summary>
internal static unsafe class ScaleLevel
{
    /// <summary>The window step OpenCV uses at a scale: 2 pixels below scale 2, 1 from there on.</summary>
    public static int Step(float scale) => scale >= 2 ? 1 : 2;

    /// <summary>Raw hits of one level, row-major, in image coordinates (not clipped to the image).</summary>
    /// <param name="model">The cascade (window size).</param>
    /// <param name="cascade">The cascade resolved for <paramref name="layout"/>.</param>
    /// <param name="layout">Integral layout for this level's step and at least its width.</param>
    /// <param name="grey">The full-size grey image.</param>
    /// <param name="scale">Scale factor of the level.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<BoundingBox> Detect(CascadeModel model, WindowCascade cascade, IntegralLayout layout, Image<byte> grey, float scale)
    {
        int w = (int)MathF.Round(grey.Width / scale, MidpointRounding.ToEven);
        int h = (int)MathF.Round(grey.Height / scale, MidpointRounding.ToEven);
        var small = ArrayPool<byte>.Shared.Rent(w * h);
        var integral = ArrayPool<int>.Shared.Rent(layout.BufferLength(h));
        var hits = new List<BoundingBox>();
        try
        {
            ImageResize.BilinearInto(grey.Pixels, grey.Width, grey.Height, 1, small, w, h);
            layout.Fill(small.AsSpan(0, w * h), w, h, integral);

            int step = layout.Step;
            int workW = Math.Max(w + 1 - model.WindowWidth, 0), workH = Math.Max(h + 1 - model.WindowHeight, 0);
            int windows = (workW + step - 1) / step;
            int winW = (int)MathF.Round(model.WindowWidth * scale, MidpointRounding.ToEven);
            int winH = (int)MathF.Round(model.WindowHeight * scale, MidpointRounding.ToEven);
            var accepted = new List<int>();
            fixed (int* buffer = integral)
            {
                for (int y = 0; y < workH; y += step)
                {
                    accepted.Clear();
                    cascade.ScanRow(buffer + layout.Offset(0, y, IntegralLayout.Sum), windows, accepted);
                    foreach (int k in accepted)
                    {
                        // A window scaled back can overhang the image by a pixel or two: it is grouped as it is and the
                        // grouped boxes are clipped afterwards (OpenCV's clipObjects).
                        int bx = (int)MathF.Round(k * step * scale, MidpointRounding.ToEven);
                        int by = (int)MathF.Round(y * scale, MidpointRounding.ToEven);
                        hits.Add(new BoundingBox(bx, by, winW, winH));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(integral);
            ArrayPool<byte>.Shared.Return(small);
        }
        return hits;
    }
}
