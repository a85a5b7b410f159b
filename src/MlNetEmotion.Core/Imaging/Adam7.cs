namespace MlNetEmotion.Core.Imaging;

/// <summary>The seven passes of Adam7 interlacing (or the single pass of a non-interlaced image).</summary>
internal static class Adam7
{
    private static readonly (int X0, int Y0, int DX, int DY)[] Grid =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary>One pass: its sub-image size and where its pixels land.</summary>
    public readonly record struct Pass(int Index, int X0, int Y0, int DX, int DY, int Width, int Height);

    /// <summary>The non-empty passes of an image.</summary>
    public static IEnumerable<Pass> Passes(bool interlaced, int width, int height)
    {
        if (!interlaced)
        {
            yield return new Pass(0, 0, 0, 1, 1, width, height);
            yield break;
        }
        for (int i = 0; i < Grid.Length; i++)
        {
            var (x0, y0, dx, dy) = Grid[i];
            int w = (width - x0 + dx - 1) / dx, h = (height - y0 + dy - 1) / dy;
            if (w > 0 && h > 0) yield return new Pass(i + 1, x0, y0, dx, dy, w, h);
        }
    }
}
