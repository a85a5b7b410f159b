namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>Settings of <see cref="SyntheticFaceVideo"/> and <see cref="SyntheticFaceRenderer"/>. Defaults give a small
/// webcam-like frontal video that OpenCV's frontal-face Haar cascade finds in practically every frame.</summary>
public sealed class SyntheticFaceOptions
{
    /// <summary>Frame width in pixels (even, for yuv420p video). Default 160.</summary>
    public int Width { get; set; } = 160;

    /// <summary>Frame height in pixels (even, for yuv420p video). Default 120.</summary>
    public int Height { get; set; } = 120;

    /// <summary>Frames per second, 0.1 to 240 (below 1 samples a few frames of a long trial). Default 25 (DEAP's face video
    /// was 50, EAV's 30; corpus writers pass theirs).</summary>
    public double FrameRate { get; set; } = 25;

    /// <summary>Mean head height (chin to crown, hair excluded) as a fraction of the frame height. Default 0.6.</summary>
    public double HeadSize { get; set; } = 0.6;

    /// <summary>Standard deviation of the per-trial head position, as a fraction of the frame size. Default 0.04.</summary>
    public double PositionJitter { get; set; } = 0.04;

    /// <summary>Standard deviation of the per-trial log head size. Default 0.08 (about ±8 %).</summary>
    public double ScaleJitter { get; set; } = 0.08;

    /// <summary>Standard deviation of the per-trial head roll in degrees (clipped at 2.5 standard deviations).
    /// Default 3; the frontal-face cascade tolerates about ±10°.</summary>
    public double RollJitterDegrees { get; set; } = 3;

    /// <summary>Amplitude of the slow head drift (sway, bob, zoom and roll over several seconds), relative to the
    /// per-trial jitters above. Default 0.5.</summary>
    public double DriftAmount { get; set; } = 0.5;

    /// <summary>Standard deviation of the per-trial brightness gain in log units. Default 0.12.</summary>
    public double LightingJitter { get; set; } = 0.12;

    /// <summary>Standard deviation of the additive sensor noise in grey levels (0..255) per channel. Default 3.</summary>
    public double NoiseStd { get; set; } = 3;

    /// <summary>Mean time between blinks in seconds (a blink lasts 0.2 s; intervals are exponential with a 1 s floor).
    /// Default 4; 0 disables blinking.</summary>
    public double BlinkIntervalSeconds { get; set; } = 4;

    /// <summary>Multiplier of every planted expression effect (0 leaves only each subject's resting face). Default 1.</summary>
    public double EffectSize { get; set; } = 1;

    /// <summary>A copy at another frame rate; the caller's options stay unchanged.</summary>
    internal SyntheticFaceOptions WithFrameRate(double frameRate)
    {
        var copy = (SyntheticFaceOptions)MemberwiseClone();
        copy.FrameRate = frameRate;
        return copy;
    }

    internal void Validate()
    {
        if (Width < 48 || Width > 4096 || Width % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be an even number of pixels between 48 and 4096.");
        if (Height < 48 || Height > 4096 || Height % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(Height), Height, "Height must be an even number of pixels between 48 and 4096.");
        InRange(nameof(FrameRate), FrameRate, 0.1, 240);
        InRange(nameof(HeadSize), HeadSize, 0.2, 0.9);
        InRange(nameof(PositionJitter), PositionJitter, 0, 0.15);
        InRange(nameof(ScaleJitter), ScaleJitter, 0, 0.3);
        InRange(nameof(RollJitterDegrees), RollJitterDegrees, 0, 20);
        InRange(nameof(DriftAmount), DriftAmount, 0, 2);
        InRange(nameof(LightingJitter), LightingJitter, 0, 0.5);
        InRange(nameof(NoiseStd), NoiseStd, 0, 50);
        InRange(nameof(BlinkIntervalSeconds), BlinkIntervalSeconds, 0, 600);
        InRange(nameof(EffectSize), EffectSize, 0, 3);
    }

    private static void InRange(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
    }
}
