using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>One image-to-image step applied to every image of a sequence (resize, augment), with its settings.</summary>
public abstract record ImageSequenceOperation
{
    /// <summary>Applies the step to one row's images; timestamps and source are kept.</summary>
    /// <param name="images">The input sequence.</param>
    /// <param name="row">Position of the row (seeds per-row randomness).</param>
    public ImageSequence Apply(ImageSequence images, long row)
    {
        ArgumentNullException.ThrowIfNull(images);
        var map = ForRow(row);
        return images with { Images = [.. images.Images.Select(map)] };
    }

    /// <summary>The shape of the output images for input images of <paramref name="input"/>.</summary>
    public abstract ImageShape OutputShape(ImageShape input);

    /// <summary>The per-image function for row <paramref name="row"/>.</summary>
    protected abstract Func<Image<byte>, Image<byte>> ForRow(long row);

    /// <summary>Writes the settings (after the tag written by the transformer).</summary>
    /// <param name="writer">Destination.</param>
    public abstract void Write(BinaryWriter writer);

    /// <summary>Reads an operation written by <see cref="Write"/>, dispatching on its type name.</summary>
    /// <param name="tag">The operation's type name.</param>
    /// <param name="reader">Source.</param>
    /// <exception cref="InvalidDataException">Unknown tag.</exception>
    public static ImageSequenceOperation Read(string tag, BinaryReader reader) => tag switch
    {
        nameof(ResizeOperation) => ResizeOperation.Read(reader),
        nameof(AugmentOperation) => AugmentOperation.Read(reader),
        _ => throw new InvalidDataException($"Unknown image operation '{tag}' in a saved model."),
    };
}
