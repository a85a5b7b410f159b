using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Options of <see cref="VisionCatalog.DetectAndCropFaces"/>: Viola–Jones detection (OpenCV <c>detectMultiScale</c>
/// settings), largest-face tracking and square crops.</summary>
public sealed class FaceCropOptions
{
    /// <summary>Side of the square crops in pixels: 227 (paper 000, AlexNet), 224, 112 (paper 004), 56 (EAV). Default 227.</summary>
    public int Size { get; set; } = 227;

    /// <summary>Extra fraction of the face box side added on each side before squaring (<see cref="FaceCropper.SquareRegion"/>). Default 0.</summary>
    public double Margin { get; set; }

    /// <summary>How crops are resized to <see cref="Size"/>. Default <see cref="ResizeInterpolation.Area"/> (bilinear when enlarging).</summary>
    public ResizeInterpolation Interpolation { get; set; } = ResizeInterpolation.Area;

    /// <summary>True to crop from the grey frame (OpenCV's BT.601 weights), giving 1-channel crops. Default false (RGB).</summary>
    public bool Grey { get; set; }

    /// <summary>Frames without a face: reuse the last box (frames before the first face are dropped) or drop them.
    /// Default <see cref="MissedFacePolicy.ReuseLastBox"/>.</summary>
    public MissedFacePolicy OnMiss { get; set; } = MissedFacePolicy.ReuseLastBox;

    /// <summary>Ratio between detection scales, above 1. Default 1.1 (OpenCV's).</summary>
    public double ScaleFactor { get; set; } = 1.1;

    /// <summary>A face needs more than this many overlapping raw hits. Default 3 (OpenCV's).</summary>
    public int MinNeighbors { get; set; } = 3;

    /// <summary>Smallest face side in pixels. Default 30.</summary>
    public int MinSize { get; set; } = 30;

    /// <summary>Largest face side in pixels; 0 for the whole frame. Default 0.</summary>
    public int MaxSize { get; set; }

    /// <summary>OpenCV cascade XML (optionally gzipped) to detect with; null for the embedded
    /// <c>haarcascade_frontalface_default.xml</c>. A saved model stores the path, not the cascade. Default null.</summary>
    public string? CascadePath { get; set; }

    /// <summary>The tracker settings of these options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FaceTrackingOptions ToTrackingOptions()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1, nameof(Size));
        if (!(Margin >= 0) || double.IsInfinity(Margin)) throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "Margin must be a non-negative fraction.");
        var detection = new CascadeDetectionOptions { ScaleFactor = ScaleFactor, MinNeighbors = MinNeighbors, MinSize = MinSize, MaxSize = MaxSize };
        detection.Validate();
        return new FaceTrackingOptions { OnMiss = OnMiss, Detection = detection };
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Size); w.Write(Margin); w.Write((int)Interpolation); w.Write(Grey); w.Write((int)OnMiss);
        w.Write(ScaleFactor); w.Write(MinNeighbors); w.Write(MinSize); w.Write(MaxSize); w.Write(CascadePath ?? "");
    }

    internal static FaceCropOptions Read(BinaryReader r)
    {
        var o = new FaceCropOptions
        {
            Size = r.ReadInt32(), Margin = r.ReadDouble(), Interpolation = (ResizeInterpolation)r.ReadInt32(), Grey = r.ReadBoolean(),
            OnMiss = (MissedFacePolicy)r.ReadInt32(), ScaleFactor = r.ReadDouble(), MinNeighbors = r.ReadInt32(), MinSize = r.ReadInt32(),
            MaxSize = r.ReadInt32(),
        };
        string cascade = r.ReadString();
        o.CascadePath = cascade.Length == 0 ? null : cascade;
        return o;
    }
}
