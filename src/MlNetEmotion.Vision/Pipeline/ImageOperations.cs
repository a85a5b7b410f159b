using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Resizes every image to <paramref name="Width"/> x <paramref name="Height"/> (<see cref="ImageResize"/>).</summary>
/// <param name="Width">Output width in pixels, at least 1.</param>
/// <param name="Height">Output height in pixels, at least 1.</param>
/// <param name="Interpolation">Bilinear (OpenCV <c>INTER_LINEAR_EXACT</c>) or area averaging (<c>INTER_AREA</c>, bilinear when enlarging).</param>
public sealed record ResizeOperation(int Width, int Height, ResizeInterpolation Interpolation) : ImageSequenceOperation
{
    /// <summary>Output width in pixels.</summary>
    public int Width { get; } = Width >= 1 ? Width : throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be at least 1 pixel.");

    /// <summary>Output height in pixels.</summary>
    public int Height { get; } = Height >= 1 ? Height : throw new ArgumentOutOfRangeException(nameof(Height), Height, "Height must be at least 1 pixel.");

    /// <inheritdoc />
    public override ImageShape OutputShape(ImageShape input) => input with { Height = Height, Width = Width };

    /// <inheritdoc />
    protected override Func<Image<byte>, Image<byte>> ForRow(long row) =>
        image => ImageResize.Resize(image, Width, Height, Interpolation);

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Width);
        writer.Write(Height);
        writer.Write((int)Interpolation);
    }

    /// <summary>Reads settings written by <see cref="Write"/>.</summary>
    public static ResizeOperation Read(BinaryReader reader) => new(reader.ReadInt32(), reader.ReadInt32(), (ResizeInterpolation)reader.ReadInt32());
}

/// <summary>Seeded random crop, rotation and flip (<see cref="ImageAugmenter"/>), drawn once per row and applied alike to
/// every image of the row's sequence, so a clip stays consistent. The draw depends only on <paramref name="Seed"/> and the
/// row position: the same seed gives bit-identical rows in any reading order.</summary>
/// <param name="Options">Crop fraction, rotation range, flip probability.</param>
/// <param name="Seed">Base seed (from <see cref="CatalogEnvironment.NextSeed"/> when not given).</param>
public sealed record AugmentOperation(AugmentationOptions Options, int Seed) : ImageSequenceOperation
{
    /// <summary>Crop fraction, rotation range, flip probability (checked on creation).</summary>
    public AugmentationOptions Options { get; } = Checked(Options);

    /// <inheritdoc />
    public override ImageShape OutputShape(ImageShape input) => input;

    /// <inheritdoc />
    protected override Func<Image<byte>, Image<byte>> ForRow(long row)
    {
        int seed = RowSeed(Seed, row);
        // A fresh augmenter per image with the row's seed repeats the row's draws (they depend only on the image size).
        return image => new ImageAugmenter(Options, seed).Augment(image);
    }

    private static AugmentationOptions Checked(AugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = new ImageAugmenter(options); // throws for out-of-range options
        return options;
    }

    /// <summary>The seed of row <paramref name="row"/>: SplitMix64 of the base seed and the position.</summary>
    public static int RowSeed(int seed, long row)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)row + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(uint)((z ^ (z >> 31)) >> 33);
    }

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Options.CropFraction);
        writer.Write(Options.MaxRotationDegrees);
        writer.Write(Options.FlipProbability);
        writer.Write(Seed);
    }

    /// <summary>Reads settings written by <see cref="Write"/>.</summary>
    public static AugmentOperation Read(BinaryReader reader)
    {
        var options = new AugmentationOptions { CropFraction = reader.ReadDouble(), MaxRotationDegrees = reader.ReadDouble(), FlipProbability = reader.ReadDouble() };
        return new AugmentOperation(options, reader.ReadInt32());
    }
}
