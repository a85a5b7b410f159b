namespace MlNetEmotion.Vision.Media;

/// <summary>Settings of <see cref="VideoWriter"/>.</summary>
public sealed class VideoWriterOptions
{
    /// <summary>Frames per second written into the container. Default 25.</summary>
    public double FrameRate { get; set; } = 25;

    /// <summary>H.264 constant rate factor for <c>.mp4</c> and <c>.mkv</c> (libx264 <c>-crf</c>, 0 lossless .. 51 worst).
    /// Default 18 (visually lossless).</summary>
    public int ConstantRateFactor { get; set; } = 18;

    /// <summary>MPEG-4 Part 2 quantiser for <c>.avi</c> (mpeg4 <c>-q:v</c>, 1 best .. 31 worst). Default 3.</summary>
    public int Quantizer { get; set; } = 3;

    internal void Validate()
    {
        if (!(FrameRate > 0 && FrameRate <= 1000))
            throw new ArgumentOutOfRangeException(nameof(FrameRate), FrameRate, "FrameRate must be in (0, 1000] frames per second.");
        if (ConstantRateFactor is < 0 or > 51)
            throw new ArgumentOutOfRangeException(nameof(ConstantRateFactor), ConstantRateFactor, "ConstantRateFactor must be between 0 and 51.");
        if (Quantizer is < 1 or > 31)
            throw new ArgumentOutOfRangeException(nameof(Quantizer), Quantizer, "Quantizer must be between 1 and 31.");
    }
}
