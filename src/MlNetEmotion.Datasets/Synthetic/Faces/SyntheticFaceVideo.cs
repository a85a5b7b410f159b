using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>
/// The synthetic face-video modality: a trial's frames, drawn lazily by <see cref="SyntheticFaceRenderer"/>, with
/// planted, documented effects and nuisances:
/// <list type="bullet">
/// <item>Expression follows the trial's <see cref="AffectState"/> through <see cref="FaceExpressionParameters.FromAffect"/>
/// (smile/frown and brow furrow with valence; mouth opening, eye openness and brow raise with arousal), scaled by
/// <see cref="SyntheticFaceOptions.EffectSize"/>. Its intensity rises from one half at the start of the trial to full
/// within about two seconds and then wavers by ±8 %.</item>
/// <item>Each subject has an own face (<see cref="SyntheticFaceIdentity"/>) with a resting mouth curvature and an
/// expressiveness gain.</item>
/// <item>Each trial has its own head position, size and roll, key-light direction, ambient share, exposure,
/// illumination gradient and striped background; over the trial the head drifts slowly (see
/// <see cref="SyntheticFaceOptions.DriftAmount"/>) and trembles by a fifth of a pixel from frame to frame.</item>
/// <item>The subject blinks (0.2 s) at exponential intervals averaging <see cref="SyntheticFaceOptions.BlinkIntervalSeconds"/>.</item>
/// <item>Every frame has independent sensor noise (<see cref="SyntheticFaceOptions.NoiseStd"/>).</item>
/// </list>
/// Deterministic: the frames depend only on (seed, subject, trial, affect, seconds, options), never on call order or thread.
/// </summary>
public static class SyntheticFaceVideo
{
    private const double BlinkSeconds = 0.2;

    /// <summary>The frames of one trial, rendered as they are enumerated (each enumeration starts afresh).</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number (selects the face).</param>
    /// <param name="trial">Trial number from 1 (selects pose, lighting, background, motion and noise).</param>
    /// <param name="affect">The state the face expresses.</param>
    /// <param name="seconds">Duration; the video has ⌊seconds · frame rate⌋ frames.</param>
    /// <param name="options">Frame size, rate and nuisance levels; defaults when null.</param>
    /// <param name="bursts">When the expression shows; outside these the face is at rest (valence and arousal 0). Null
    /// (default): throughout.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration that is negative or not finite, or an option out of range.</exception>
    public static IEnumerable<SyntheticFaceFrame> Frames(int seed, int subject, int trial, AffectState affect, double seconds,
        SyntheticFaceOptions? options = null, EmotionBursts? bursts = null) =>
        Frames(seed, subject, trial, t => bursts is null || bursts.Contains(t) ? affect : default, _ => true, seconds, options);

    /// <summary>The frames of one video whose expressed state changes from frame to frame (continuous annotation, as in
    /// Aff-Wild), rendered as they are enumerated. With a constant <paramref name="affectAt"/> and every frame visible the
    /// frames equal those of the constant-state overload.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number (selects the face).</param>
    /// <param name="trial">Trial number from 1 (selects pose, lighting, background, motion and noise).</param>
    /// <param name="affectAt">The state the face expresses at a time in seconds.</param>
    /// <param name="faceVisible">Whether the face is in the picture at a time in seconds; when not, the head is drawn
    /// outside the frame and only the background shows.</param>
    /// <param name="seconds">Duration; the video has ⌊seconds · frame rate⌋ frames.</param>
    /// <param name="options">Frame size, rate and nuisance levels; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration that is negative or not finite, or an option out of range.</exception>
    public static IEnumerable<SyntheticFaceFrame> Frames(int seed, int subject, int trial, Func<double, AffectState> affectAt,
        Func<double, bool> faceVisible, double seconds, SyntheticFaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(affectAt);
        ArgumentNullException.ThrowIfNull(faceVisible);
        options ??= new SyntheticFaceOptions();
        options.Validate();
        if (!(seconds >= 0 && double.IsFinite(seconds)))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "seconds must be a finite duration of at least 0.");
        return Iterate(seed, subject, trial, affectAt, faceVisible, seconds, options);
    }

    private static IEnumerable<SyntheticFaceFrame> Iterate(int seed, int subject, int trial, Func<double, AffectState> affectAt,
        Func<double, bool> faceVisible, double seconds, SyntheticFaceOptions o)
    {
        var identity = SyntheticFaceIdentity.For(seed, subject);
        var g = new Generator(SyntheticSeed.For(seed, subject, trial, SyntheticSeed.Stream.Face));
        double Normal() => Math.Clamp(g.NextNormal(), -2.5, 2.5);
        double Uniform(double low, double high) => low + (high - low) * g.NextDouble();

        double headHeight = o.Height * o.HeadSize * Math.Exp(o.ScaleJitter * Normal());
        double centerX = o.Width * (0.5 + o.PositionJitter * Normal()), centerY = o.Height * (0.46 + o.PositionJitter * Normal());
        double roll = o.RollJitterDegrees * Normal();
        var motion = new FaceMotion(g, o.DriftAmount * o.PositionJitter * o.Width, o.DriftAmount * o.PositionJitter * o.Height,
            o.DriftAmount * o.ScaleJitter * 0.5, o.DriftAmount * o.RollJitterDegrees * 0.5);
        var background = new RgbColor((float)Uniform(40, 210), (float)Uniform(40, 210), (float)Uniform(40, 210));
        var scene = new FrameScene(
            LightAzimuthDegrees: Uniform(-35, 35),
            Ambient: Uniform(0.35, 0.6),
            Gain: Math.Exp(o.LightingJitter * Normal()),
            Gradient: Uniform(-0.25, 0.25),
            Background: background,
            BackgroundAccent: background * (float)Uniform(0.55, 1.3),
            StripePeriod: Uniform(6, 40),
            StripePhase: Uniform(0, 2 * Math.PI));
        double waverOmega = 2 * Math.PI * Uniform(0.08, 0.2), waverPhase = Uniform(0, 2 * Math.PI);
        double nextBlink = o.BlinkIntervalSeconds > 0 ? Uniform(0.3, o.BlinkIntervalSeconds) : double.PositiveInfinity;

        var renderer = new SyntheticFaceRenderer(o);
        long count = (long)Math.Floor(seconds * o.FrameRate + 1e-9);
        for (long i = 0; i < count; i++)
        {
            double t = i / o.FrameRate;
            while (t >= nextBlink + BlinkSeconds)
                nextBlink += Math.Max(1, -o.BlinkIntervalSeconds * Math.Log(1 - g.NextDouble()));
            double lid = t >= nextBlink ? 1 - Math.Sin(Math.PI * (t - nextBlink) / BlinkSeconds) : 1;

            double intensity = o.EffectSize * (1 - 0.5 * Math.Exp(-t / 0.7) + 0.08 * Math.Sin(waverOmega * t + waverPhase));
            var expression = FaceExpressionParameters.FromAffect(affectAt(t), identity, intensity);
            expression = expression with { EyeOpenness = expression.EyeOpenness * lid };

            var (dx, dy, dScale, dRoll) = motion.At(t);
            double away = faceVisible(t) ? 0 : 4 * o.Width;
            var pose = new FramePose(centerX + dx + 0.2 * g.NextNormal() + away, centerY + dy + 0.2 * g.NextNormal(),
                headHeight * Math.Exp(dScale), roll + dRoll);
            var image = renderer.Render(identity, expression, pose, scene with { Gain = scene.Gain * (1 + 0.02 * Math.Sin(0.7 * t)) },
                o.NoiseStd, g.NextUInt64());
            yield return new SyntheticFaceFrame(i, t, image, SyntheticFaceRenderer.FaceBox(pose), expression);
        }
    }
}
