namespace MlNetEmotion;

/// <summary>
/// <c>ctx.Vision</c>: video and face pipeline steps. A text column of video or image paths becomes an
/// <see cref="Vision.Pipeline.ImageSequence"/> column of frames; face steps turn frames into face crops; image steps
/// resize, normalise to a float tensor and (in training only) augment. Other files add steps to this partial class.
/// </summary>
public sealed partial class VisionCatalog
{
    /// <summary>Creates the catalog for <paramref name="context"/>.</summary>
    /// <param name="context">The owning context.</param>
    public VisionCatalog(EmotionContext context) => Context = context;

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }
}

/// <summary>Adds <c>ctx.Vision</c> to <see cref="EmotionContext"/>.</summary>
public static class VisionContextExtensions
{
    extension(EmotionContext context)
    {
        /// <summary>Vision steps: reading frames, face detection and cropping, resizing, normalisation, augmentation.</summary>
        public VisionCatalog Vision => new(context);
    }
}
