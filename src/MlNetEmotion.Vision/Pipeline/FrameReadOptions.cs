using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Pipeline;

/// <summary>Which frames <see cref="VisionCatalog.ReadFrames"/> reads from each video (still images are one frame at 0 s).</summary>
public sealed class FrameReadOptions
{
    /// <summary>Frames per second to keep (8 for paper 000, 5 for paper 001): the first source frame at or after each
    /// tick of the target clock (<see cref="FrameSampling.AtRate"/>). Null keeps the native rate. Default null.</summary>
    public double? FramesPerSecond { get; set; }

    /// <summary>Keep every n-th source frame, starting with the first (6 for EAV); 1 keeps all. Cannot be combined with
    /// <see cref="FramesPerSecond"/>. Default 1.</summary>
    public int EveryNthFrame { get; set; } = 1;

    /// <summary>Seconds skipped at the start of each video. Default 0.</summary>
    public double StartSeconds { get; set; }

    /// <summary>Seconds read from <see cref="StartSeconds"/> on (frames with timestamps before start + duration); null
    /// reads to the end. Default null.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>Most frames kept per video (decoding stops there); null for no limit. Default null.</summary>
    public int? MaxFrames { get; set; }

    /// <summary>The frame selection of these options.</summary>
    /// <exception cref="ArgumentException">An option is out of range or both a rate and every-n-th are set.</exception>
    public FrameSampling ToSampling()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EveryNthFrame, 1, nameof(EveryNthFrame));
        if (!(StartSeconds >= 0) || double.IsInfinity(StartSeconds))
            throw new ArgumentOutOfRangeException(nameof(StartSeconds), StartSeconds, "StartSeconds must be a finite number of seconds >= 0.");
        if (DurationSeconds is { } d && !(d > 0))
            throw new ArgumentOutOfRangeException(nameof(DurationSeconds), d, "DurationSeconds must be positive (null reads to the end).");
        if (MaxFrames is { } m) ArgumentOutOfRangeException.ThrowIfLessThan(m, 1, nameof(MaxFrames));
        if (FramesPerSecond is { } fps)
        {
            if (EveryNthFrame != 1)
                throw new ArgumentException($"Set either FramesPerSecond ({fps}) or EveryNthFrame ({EveryNthFrame}), not both.", nameof(EveryNthFrame));
            return FrameSampling.AtRate(fps);
        }
        return EveryNthFrame == 1 ? FrameSampling.All : FrameSampling.EveryNth(EveryNthFrame);
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(FramesPerSecond ?? double.NaN);
        w.Write(EveryNthFrame);
        w.Write(StartSeconds);
        w.Write(DurationSeconds ?? double.NaN);
        w.Write(MaxFrames ?? 0);
    }

    internal static FrameReadOptions Read(BinaryReader r)
    {
        double fps = r.ReadDouble();
        int every = r.ReadInt32();
        double start = r.ReadDouble(), duration = r.ReadDouble();
        int max = r.ReadInt32();
        return new FrameReadOptions
        {
            FramesPerSecond = double.IsNaN(fps) ? null : fps, EveryNthFrame = every, StartSeconds = start,
            DurationSeconds = double.IsNaN(duration) ? null : duration, MaxFrames = max == 0 ? null : max,
        };
    }
}
