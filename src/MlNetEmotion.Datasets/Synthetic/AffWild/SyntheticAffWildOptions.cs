using MlNetEmotion.Datasets.Synthetic.Faces;

namespace MlNetEmotion.Datasets.Synthetic.AffWild;

/// <summary>The Aff-Wild-shaped stand-in: one subject per video, drawn face video whose expression follows smooth
/// per-frame valence and arousal trajectories in [−1, 1], annotated per frame with noise; some stretches show no face.
/// Every draw derives from <see cref="Seed"/>, so one seed gives one corpus whether streamed or written.</summary>
public sealed class SyntheticAffWildOptions
{
    /// <summary>Videos (one subject each, as in Aff-Wild). Default 40.</summary>
    public int Videos { get; set; } = 40;

    /// <summary>Seconds per video. Default 20.</summary>
    public double VideoSeconds { get; set; } = 20;

    /// <summary>Frames per second (one annotation per frame). Default 30, Aff-Wild's rate.</summary>
    public double FrameRate { get; set; } = 30;

    /// <summary>Seed. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Standard deviation of a subject's constant offset in valence and arousal (before the squashing tanh).
    /// Default 0.3.</summary>
    public double SubjectBiasStd { get; set; } = 0.3;

    /// <summary>Standard deviation of the per-frame annotation noise added to the true state (then clipped to [−1, 1]
    /// and rounded to 4 decimals). Default 0.05.</summary>
    public double AnnotationNoiseStd { get; set; } = 0.05;

    /// <summary>Expected stretches per minute in which the face leaves the picture (0.4–1.5 s each; the annotation
    /// goes on). Default 3.</summary>
    public double FaceGapsPerMinute { get; set; } = 3;

    /// <summary>Whether the streamed view has the <c>Frames</c> column (the writer always writes the videos, which the
    /// manifest enumerates). Default true.</summary>
    public bool IncludeVideo { get; set; } = true;

    /// <summary>Face renderer settings (frame size, jitter, noise, effect size); the corpus sets the frame rate.</summary>
    public SyntheticFaceOptions Faces { get; set; } = new();

    /// <summary>Frames per video: ⌊<see cref="VideoSeconds"/> · <see cref="FrameRate"/>⌋.</summary>
    public int FramesPerVideo => (int)Math.Floor(VideoSeconds * FrameRate + 1e-9);

    internal void Validate()
    {
        if (Videos < 1) throw new ArgumentOutOfRangeException(nameof(Videos), Videos, "At least one video is required.");
        if (!(VideoSeconds > 0 && double.IsFinite(VideoSeconds))) throw new ArgumentOutOfRangeException(nameof(VideoSeconds), VideoSeconds, "Must be positive and finite.");
        if (!(FrameRate > 0 && double.IsFinite(FrameRate))) throw new ArgumentOutOfRangeException(nameof(FrameRate), FrameRate, "Must be positive and finite.");
        if (FramesPerVideo < 1) throw new ArgumentOutOfRangeException(nameof(VideoSeconds), VideoSeconds, "The videos would have no frames.");
        if (!(SubjectBiasStd >= 0)) throw new ArgumentOutOfRangeException(nameof(SubjectBiasStd), SubjectBiasStd, "Must be zero or positive.");
        if (!(AnnotationNoiseStd >= 0)) throw new ArgumentOutOfRangeException(nameof(AnnotationNoiseStd), AnnotationNoiseStd, "Must be zero or positive.");
        if (!(FaceGapsPerMinute >= 0)) throw new ArgumentOutOfRangeException(nameof(FaceGapsPerMinute), FaceGapsPerMinute, "Must be zero or positive.");
        ArgumentNullException.ThrowIfNull(Faces, nameof(Faces));
        Faces.Validate();
    }
}
