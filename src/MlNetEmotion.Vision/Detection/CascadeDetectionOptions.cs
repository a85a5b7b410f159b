namespace MlNetEmotion.Vision.Detection;

/// <summary>Parameters of <see cref="CascadeClassifier.DetectMultiScale"/>, with OpenCV's <c>detectMultiScale</c> defaults.</summary>
public sealed class CascadeDetectionOptions
{
    /// <summary>Ratio between successive scales; must exceed 1. Default 1.1.</summary>
    public double ScaleFactor { get; set; } = 1.1;

    /// <summary>A face needs more than this many overlapping raw detections. Default 3; 0 returns raw detections.</summary>
    public int MinNeighbors { get; set; } = 3;

    /// <summary>Smallest face size in pixels (width and height); 0 = the cascade window. Default 0.</summary>
    public int MinSize { get; set; }

    /// <summary>Largest face size in pixels; 0 = the whole image. Default 0.</summary>
    public int MaxSize { get; set; }

    /// <summary>Threads over scales; -1 = all cores. Results do not depend on it. Default -1.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    internal void Validate()
    {
        if (!(ScaleFactor > 1) || double.IsInfinity(ScaleFactor))
            throw new ArgumentOutOfRangeException(nameof(ScaleFactor), ScaleFactor, "ScaleFactor must be greater than 1.");
        ArgumentOutOfRangeException.ThrowIfNegative(MinNeighbors);
        ArgumentOutOfRangeException.ThrowIfNegative(MinSize);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSize);
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 or a positive thread count.");
    }
}
