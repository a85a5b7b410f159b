namespace MlNetEmotion.Eeg.Topography;

/// <summary>Maps electrode values to a Height × Width image, many at once.</summary>
public interface ITopomapMapper
{
    /// <summary>Image rows.</summary>
    int Height { get; }

    /// <summary>Image columns.</summary>
    int Width { get; }

    /// <summary>Values per image (electrodes, in the channel order the mapper was built for).</summary>
    int ElectrodeCount { get; }

    /// <summary>Maps <paramref name="count"/> value vectors ([count, ElectrodeCount], row-major) to images
    /// ([count, Height, Width], row-major).</summary>
    void InterpolateBatch(ReadOnlySpan<float> values, Span<float> images, int count);
}
