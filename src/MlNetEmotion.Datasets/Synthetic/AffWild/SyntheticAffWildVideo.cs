using System.Globalization;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Datasets.Synthetic.Faces;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.AffWild;

/// <summary>One planned video of the Aff-Wild stand-in: its subject's trajectory, the stretches without a face and the
/// per-frame annotations (true state plus noise, clipped to [−1, 1], rounded to the 4 decimals the text files hold).</summary>
internal sealed class SyntheticAffWildVideo
{
    private readonly (double Start, double End)[] _gaps;

    private SyntheticAffWildVideo(int number, AffectTrajectory trajectory, (double, double)[] gaps, float[] valence, float[] arousal, string[] valenceText,
        string[] arousalText)
    {
        Number = number;
        Trajectory = trajectory;
        _gaps = gaps;
        (Valence, Arousal, ValenceText, ArousalText) = (valence, arousal, valenceText, arousalText);
    }

    /// <summary>Video (and subject) number from 1; also its file name.</summary>
    public int Number { get; }

    public AffectTrajectory Trajectory { get; }

    public float[] Valence { get; }

    public float[] Arousal { get; }

    public string[] ValenceText { get; }

    public string[] ArousalText { get; }

    /// <summary>Whether the face is in the picture at <paramref name="seconds"/>.</summary>
    public bool FaceVisible(double seconds) => !_gaps.Any(g => seconds >= g.Start && seconds < g.End);

    /// <summary>Plans video <paramref name="number"/>.</summary>
    public static SyntheticAffWildVideo Plan(SyntheticAffWildOptions options, int number)
    {
        var g = new Generator(SyntheticSeed.For(options.Seed, number, 0, SyntheticSeed.Stream.Plan));
        var trajectory = AffectTrajectory.Draw(g, options.SubjectBiasStd);
        var gaps = new List<(double, double)>();
        if (options.FaceGapsPerMinute > 0)
            for (double t = Exponential(g, options.FaceGapsPerMinute); t < options.VideoSeconds; t += Exponential(g, options.FaceGapsPerMinute))
                gaps.Add((t, t + 0.4 + 1.1 * g.NextDouble()));
        int frames = options.FramesPerVideo;
        var text = new string[2][];
        for (int d = 0; d < 2; d++)
        {
            text[d] = new string[frames];
            for (int i = 0; i < frames; i++)
            {
                var state = trajectory.At(i / options.FrameRate);
                double value = (d == 0 ? state.Valence : state.Arousal) + options.AnnotationNoiseStd * g.NextNormal();
                text[d][i] = Math.Clamp(value, -1, 1).ToString("0.0000", CultureInfo.InvariantCulture);
            }
        }
        float[] Parse(string[] values) => [.. values.Select(v => float.Parse(v, CultureInfo.InvariantCulture))];
        return new SyntheticAffWildVideo(number, trajectory, [.. gaps], Parse(text[0]), Parse(text[1]), text[0], text[1]);
    }

    /// <summary>The video's frames at the corpus frame rate, drawn lazily.</summary>
    public IEnumerable<SyntheticFaceFrame> Frames(SyntheticAffWildOptions options) =>
        SyntheticFaceVideo.Frames(options.Seed, Number, 1, Trajectory.At, FaceVisible, options.VideoSeconds, options.Faces.WithFrameRate(options.FrameRate));

    private static double Exponential(Generator g, double perMinute) => -60 / perMinute * Math.Log(1 - g.NextDouble());
}
