using System.Buffers;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Where a scale level's integral images live in one int buffer, chosen so that the windows of a row are
/// consecutive: row after row, each row holds the sum plane, the squared-sum plane and (when the cascade has tilted
/// features) the tilted plane side by side; with a window step of 2 each plane row stores its even columns, then its
/// odd columns, so the windows at x = 0, 2, 4, ... read consecutive ints for any corner.</summary>
/// <remarks>The row stride depends only on the widest level, so every level of an image shares one layout and the
/// cascade's corner offsets are resolved once per image (as OpenCV packs its pyramid with one stride).</remarks>
internal readonly struct IntegralLayout
{
    /// <summary>Plane indices.</summary>
    public const int Sum = 0, Squares = 1, Tilted = 2;

    /// <summary>Ints read past the last window of a level by a batch of vector lanes; the buffer is padded by this.</summary>
    public const int Padding = 16;

    /// <summary>Builds the layout for integral images of at most <paramref name="columns"/> columns (image width + 1).</summary>
    public IntegralLayout(int columns, int step, bool tilted)
    {
        Step = step;
        Planes = tilted ? 3 : 2;
        OddColumns = step == 2 ? (columns + 1) / 2 : 0;
        PlaneStride = step == 2 ? 2 * OddColumns : columns;
        RowStride = Planes * PlaneStride;
    }

    /// <summary>Window step in pixels (1 or 2): only windows at x divisible by it are stored contiguously.</summary>
    public int Step { get; }

    /// <summary>Number of planes per row (2: sum, squares; 3: sum, squares, tilted).</summary>
    public int Planes { get; }

    /// <summary>Ints per buffer row.</summary>
    public int RowStride { get; }

    private int PlaneStride { get; }

    /// <summary>Where the odd columns start inside a plane row (step 2 only).</summary>
    private int OddColumns { get; }

    /// <summary>Offset of integral entry (<paramref name="dx"/>, <paramref name="dy"/>) of a plane relative to the
    /// window whose top-left entry is (0, 0); windows at x = k * Step are k ints apart.</summary>
    public int Offset(int dx, int dy, int plane) =>
        dy * RowStride + plane * PlaneStride + (Step == 2 ? (dx >> 1) + (dx & 1) * OddColumns : dx);

    /// <summary>Buffer length for a level <paramref name="height"/> pixels high, padding included.</summary>
    public int BufferLength(int height) => (height + 1) * RowStride + Padding;

    /// <summary>Computes the integral images of a level into <paramref name="buffer"/> (see <see cref="IntegralImage"/>).</summary>
    public void Fill(ReadOnlySpan<byte> image, int width, int height, Span<int> buffer)
    {
        int entries = (width + 1) * (height + 1);
        var scratch = ArrayPool<int>.Shared.Rent(entries * Planes);
        try
        {
            IntegralImage.Compute(image, width, height, scratch.AsSpan(0, entries), scratch.AsSpan(entries, entries));
            if (Planes > Tilted) IntegralImage.ComputeTilted(image, width, height, scratch.AsSpan(2 * entries, entries));
            for (int plane = 0; plane < Planes; plane++)
                Scatter(scratch.AsSpan(plane * entries, entries), width + 1, height + 1, plane, buffer);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }
    }

    private void Scatter(ReadOnlySpan<int> plane, int columns, int rows, int index, Span<int> buffer)
    {
        for (int y = 0; y < rows; y++)
        {
            var source = plane.Slice(y * columns, columns);
            var target = buffer.Slice(Offset(0, y, index));
            if (Step == 1)
            {
                source.CopyTo(target);
                continue;
            }
            for (int x = 0; x < columns; x += 2) target[x >> 1] = source[x];
            for (int x = 1; x < columns; x += 2) target[OddColumns + (x >> 1)] = source[x];
        }
    }
}
