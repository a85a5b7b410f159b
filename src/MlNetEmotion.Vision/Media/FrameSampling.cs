using System.Globalization;

namespace MlNetEmotion.Vision.Media;

/// <summary>Which source frames a <see cref="VideoReader"/> returns.</summary>
/// <remarks>A requested rate <c>r</c> keeps source frame <c>n</c> (time <c>n / fps</c>) when a tick <c>k / r</c> of the
/// target clock falls in <c>((n - 1) / fps, n / fps]</c>: the first frame at or after each tick, so 30 fps at 8 fps keeps
/// frames 0, 4, 8, 12, 15, ... and every returned frame carries its own true timestamp. Frames are selected inside
/// ffmpeg (before colour conversion) with the same arithmetic, assuming a constant frame rate.</remarks>
public sealed class FrameSampling
{
    private const double Epsilon = 1e-6;

    private FrameSampling(double? rate, int every)
    {
        Rate = rate;
        Every = every;
    }

    /// <summary>Every frame at the native rate.</summary>
    public static FrameSampling All { get; } = new(null, 1);

    /// <summary>Target rate in frames per second (null when sampling by <see cref="Every"/>).</summary>
    public double? Rate { get; }

    /// <summary>Keep every <see cref="Every"/>-th frame (1 when sampling by rate).</summary>
    public int Every { get; }

    /// <summary>Frames at <paramref name="framesPerSecond"/> (8 for paper 000, 5 for paper 001).</summary>
    public static FrameSampling AtRate(double framesPerSecond)
    {
        if (!(framesPerSecond > 0) || double.IsInfinity(framesPerSecond))
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "The frame rate must be positive and finite.");
        return new FrameSampling(framesPerSecond, 1);
    }

    /// <summary>Every <paramref name="n"/>-th source frame, starting with the first (6 for EAV).</summary>
    public static FrameSampling EveryNth(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return new FrameSampling(null, n);
    }

    /// <summary>Whether source frame <paramref name="index"/> is kept for a video at <paramref name="nativeFps"/>.</summary>
    public bool Keeps(long index, double nativeFps)
    {
        if (Rate is not { } r) return index % Every == 0;
        double q = r / nativeFps;
        return Math.Floor(index * q + Epsilon) - Math.Floor((index - 1) * q + Epsilon) > 0;
    }

    /// <summary>Whether source frame <paramref name="index"/> is kept, on a stream's true frame times: a frame is kept
    /// when a tick of the requested rate falls in <c>(time of frame index - 1, time of frame index]</c> (the first frame
    /// always). On a constant-rate clock this is <see cref="Keeps(long, double)"/>.</summary>
    internal bool Keeps(long index, FrameClock clock)
    {
        if (clock.IsConstant || Rate is not { } r) return Keeps(index, clock.NominalRate);
        if (index == 0) return true;
        return Math.Floor(clock.Time(index) * r + Epsilon) - Math.Floor(clock.Time(index - 1) * r + Epsilon) > 0;
    }

    /// <summary>The ffmpeg <c>select</c> filter expression equivalent to <see cref="Keeps(long, double)"/>, for frames numbered from
    /// <paramref name="firstIndex"/>; null when every frame is kept.</summary>
    internal string? SelectExpression(long firstIndex, double nativeFps)
    {
        if (Rate is null && Every == 1) return null;
        var c = CultureInfo.InvariantCulture;
        if (Rate is not { } r) return string.Create(c, $"select='not(mod(n+{firstIndex},{Every}))'");
        string q = (r / nativeFps).ToString("R", c);
        string eps = Epsilon.ToString("R", c);
        return string.Create(c, $"select='gt(floor((n+{firstIndex})*{q}+{eps})-floor((n+{firstIndex}-1)*{q}+{eps}),0)'");
    }

    /// <inheritdoc />
    public override string ToString() =>
        Rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r} fps") : Every == 1 ? "all frames" : $"every {Every}th frame";
}
