using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Faces;

/// <summary>Cuts a square around a face box, widened by a margin, and resizes it.</summary>
public static class FaceCropper
{
    /// <summary>The square region for <paramref name="box"/>: side <c>round(max(w, h) * (1 + 2 * margin))</c>,
    /// centred on the box centre (it may extend past the image; <see cref="Crop"/> replicates edge pixels there).</summary>
    public static BoundingBox SquareRegion(BoundingBox box, double margin)
    {
        if (!(margin >= 0) || double.IsInfinity(margin)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "margin must be a non-negative fraction.");
        int side = Math.Max(1, (int)Math.Round(Math.Max(box.Width, box.Height) * (1 + 2 * margin)));
        double cx = box.X + box.Width / 2.0, cy = box.Y + box.Height / 2.0;
        return new BoundingBox((int)Math.Floor(cx - side / 2.0), (int)Math.Floor(cy - side / 2.0), side, side);
    }

    /// <summary>Copies <paramref name="region"/> out of <paramref name="image"/>, replicating edge pixels outside it.</summary>
    public static Image<byte> Crop(Image<byte> image, BoundingBox region)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (region.Width < 1 || region.Height < 1) throw new ArgumentException($"Crop region {region} is empty.", nameof(region));
        var dst = new Image<byte>(region.Width, region.Height, image.Channels);
        int ch = image.Channels;
        for (int y = 0; y < region.Height; y++)
        {
            int sy = Math.Clamp(region.Y + y, 0, image.Height - 1);
            var srcRow = image.Row(sy);
            var dstRow = dst.Row(y);
            int x0 = region.X, inside0 = Math.Clamp(-x0, 0, region.Width), inside1 = Math.Clamp(image.Width - x0, 0, region.Width);
            if (inside1 > inside0) srcRow.Slice((x0 + inside0) * ch, (inside1 - inside0) * ch).CopyTo(dstRow[(inside0 * ch)..]);
            for (int x = 0; x < region.Width; x++)
            {
                if (x >= inside0 && x < inside1) continue;
                int sx = Math.Clamp(x0 + x, 0, image.Width - 1);
                srcRow.Slice(sx * ch, ch).CopyTo(dstRow[(x * ch)..]);
            }
        }
        return dst;
    }

    /// <summary>Square crop around <paramref name="box"/> with <paramref name="margin"/>, resized to
    /// <paramref name="size"/> x <paramref name="size"/>.</summary>
    /// <param name="image">Source frame.</param>
    /// <param name="box">Face box.</param>
    /// <param name="size">Output side, e.g. 227 (paper 000), 224, 112 (paper 004), 56 (EAV).</param>
    /// <param name="margin">Extra fraction of the box side on each side; default 0.</param>
    /// <param name="interpolation">Default <see cref="ResizeInterpolation.Area"/> (shrinking) / bilinear (enlarging).</param>
    public static Image<byte> CropSquare(Image<byte> image, BoundingBox box, int size, double margin = 0,
        ResizeInterpolation interpolation = ResizeInterpolation.Area)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var square = Crop(image, SquareRegion(box, margin));
        return ImageResize.Resize(square, size, size, interpolation);
    }
}
