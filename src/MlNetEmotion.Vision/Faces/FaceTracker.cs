using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Faces;

/// <summary>What <see cref="FaceTracker"/> does with a frame in which no face is found.</summary>
public enum MissedFacePolicy
{
    /// <summary>Keep the frame with the last detected box (EAV reference code). Frames before the first detection are dropped.</summary>
    ReuseLastBox,

    /// <summary>Drop the frame (paper 001).</summary>
    DropFrame,
}

/// <summary>Options of <see cref="FaceTracker"/>.</summary>
public sealed class FaceTrackingOptions
{
    /// <summary>Miss handling. Default <see cref="MissedFacePolicy.ReuseLastBox"/>.</summary>
    public MissedFacePolicy OnMiss { get; set; } = MissedFacePolicy.ReuseLastBox;

    /// <summary>Detector parameters. Default OpenCV's (scale 1.1, 3 neighbours, no size limits).</summary>
    public CascadeDetectionOptions Detection { get; set; } = new();
}

/// <summary>A frame with the face box chosen for it.</summary>
/// <param name="Frame">The frame.</param>
/// <param name="Box">The largest detected face, or the reused previous box.</param>
/// <param name="Detected">False when <paramref name="Box"/> was reused from an earlier frame.</param>
public sealed record TrackedFrame(VideoFrame Frame, BoundingBox Box, bool Detected);

/// <summary>No frame of a clip yielded a face, so the policy left nothing.</summary>
public sealed class FaceNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception naming the source and how many frames were searched.</summary>
    public FaceNotFoundException(string source, long framesSearched)
        : base($"{source}: no face found in any of {framesSearched} frame(s); the clip would be empty.")
    {
        Source = source;
        FramesSearched = framesSearched;
    }

    /// <summary>The video or image.</summary>
    public new string Source { get; }

    /// <summary>Frames searched.</summary>
    public long FramesSearched { get; }
}

/// <summary>Follows the largest face through a clip, one detection per frame.</summary>
public sealed class FaceTracker(CascadeClassifier cascade, FaceTrackingOptions? options = null)
{
    private readonly FaceTrackingOptions _options = options ?? new FaceTrackingOptions();

    /// <summary>The largest box by area (the first of equals), or null for none.</summary>
    public static BoundingBox? Largest(IReadOnlyList<BoundingBox> boxes)
    {
        BoundingBox? best = null;
        foreach (var b in boxes)
            if (best is null || b.Area > best.Value.Area) best = b;
        return best;
    }

    /// <summary>Tracks faces over <paramref name="frames"/> (lazily).</summary>
    /// <param name="frames">Frames, e.g. from <see cref="VideoReader.ReadFrames"/>.</param>
    /// <param name="source">Name used in errors.</param>
    /// <exception cref="FaceNotFoundException">No frame had a face (raised when the sequence ends).</exception>
    public IEnumerable<TrackedFrame> Track(IEnumerable<VideoFrame> frames, string source)
    {
        ArgumentNullException.ThrowIfNull(frames);
        BoundingBox? last = null;
        long searched = 0, kept = 0;
        foreach (var frame in frames)
        {
            searched++;
            var face = Largest(cascade.DetectMultiScale(frame.Image, _options.Detection));
            if (face is { } found)
            {
                last = found;
                kept++;
                yield return new TrackedFrame(frame, found, true);
            }
            else if (_options.OnMiss == MissedFacePolicy.ReuseLastBox && last is { } previous)
            {
                kept++;
                yield return new TrackedFrame(frame, previous, false);
            }
        }
        if (kept == 0) throw new FaceNotFoundException(source, searched);
    }
}
