using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>
/// A clip of frames or of face crops with each image's time in seconds from the start of its source;
/// a still image is a sequence of one at time 0. The value of every image column of the vision pipeline.
/// </summary>
/// <param name="Images">The images in time order (byte samples, HWC, 1 or 3 channels).</param>
/// <param name="Timestamps">Time of each image in seconds; as many as <paramref name="Images"/>.</param>
public sealed record ImageSequence(IReadOnlyList<Image<byte>> Images, IReadOnlyList<double> Timestamps)
{
    /// <summary>Number of images.</summary>
    public int Count => Images.Count;
}

/// <summary>The column type of the vision steps.</summary>
public static class ImageSequenceColumn
{
    /// <summary>The type of an image column (<see cref="ImageSequence"/> objects), read and written by every <c>ctx.Vision</c> step.</summary>
    public static ObjectDataViewType Type { get; } = new(typeof(ImageSequence));
}
