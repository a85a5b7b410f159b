namespace MlNetEmotion.Core.Imaging;

/// <summary>A raster image stored row-major in HWC order: <c>Pixels[(y * Width + x) * Channels + c]</c>.</summary>
/// <typeparam name="T">Sample type: <see cref="byte"/> (0..255), <see cref="ushort"/> (0..65535, 16-bit PNG) or
/// <see cref="float"/> (any range, usually [0, 1]).</typeparam>
/// <remarks>Channel layouts: 1 = grey, 2 = grey + alpha, 3 = RGB, 4 = RGBA (RGB order, never BGR).</remarks>
public sealed class Image<T> where T : unmanaged
{
    /// <summary>Creates a zero-filled image.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="channels">Samples per pixel, 1 to 4.</param>
    public Image(int width, int height, int channels)
        : this(width, height, channels, new T[CheckedLength(width, height, channels)])
    {
    }

    /// <summary>Wraps an existing HWC sample array (not copied).</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="channels">Samples per pixel, 1 to 4.</param>
    /// <param name="pixels">Samples, exactly <c>width * height * channels</c> of them.</param>
    public Image(int width, int height, int channels, T[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        long length = CheckedLength(width, height, channels);
        if (pixels.Length != length)
            throw new ArgumentException(
                $"pixels has {pixels.Length} samples; a {width}x{height}x{channels} image needs {length}.", nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Samples per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }

    /// <summary>All samples in HWC order.</summary>
    public T[] Pixels { get; }

    /// <summary>Samples in one row: <c>Width * Channels</c> of them.</summary>
    public int Stride => Width * Channels;

    /// <summary>The sample at row <paramref name="y"/>, column <paramref name="x"/>, channel <paramref name="c"/>.</summary>
    public ref T this[int y, int x, int c = 0] => ref Pixels[(y * Width + x) * Channels + c];

    /// <summary>The samples of row <paramref name="y"/>.</summary>
    public Span<T> Row(int y) => Pixels.AsSpan(y * Stride, Stride);

    /// <summary>A deep copy.</summary>
    public Image<T> Clone() => new(Width, Height, Channels, (T[])Pixels.Clone());

    /// <inheritdoc />
    public override string ToString() => $"Image<{typeof(T).Name}> {Width}x{Height}x{Channels}";

    private static int CheckedLength(int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (channels is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA).");
        long length = (long)width * height * channels;
        if (length > Array.MaxLength)
            throw new ArgumentException($"A {width}x{height}x{channels} image is too large for one array.");
        return (int)length;
    }
}
