using MlNetEmotion.Datasets.Synthetic.Corpus;

namespace MlNetEmotion.Datasets.Synthetic;

/// <summary>
/// The few short stretches of a stimulus in which a subject's felt emotion shows (in the EEG band powers and the face);
/// outside them the trial looks like rest. Each burst starts uniformly at random in [0, stimulus − burst length], drawn
/// from the trial's own stream, so a trial's bursts are the same for every modality and every run. Bursts may overlap.
/// </summary>
public sealed class EmotionBursts
{
    private EmotionBursts((double Start, double End)[] intervals) => Intervals = intervals;

    /// <summary>The bursts as (start, end) in seconds from the stimulus onset, in order of start.</summary>
    public IReadOnlyList<(double Start, double End)> Intervals { get; }

    /// <summary>Draws the bursts of one trial.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number.</param>
    /// <param name="trial">Trial number.</param>
    /// <param name="count">Bursts per trial (at least 1).</param>
    /// <param name="burstSeconds">Length of each burst (positive, at most <paramref name="stimulusSeconds"/>).</param>
    /// <param name="stimulusSeconds">Length of the stimulus.</param>
    public static EmotionBursts Draw(int seed, int subject, int trial, int count, double burstSeconds, double stimulusSeconds)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one burst.");
        if (!(burstSeconds > 0 && burstSeconds <= stimulusSeconds))
            throw new ArgumentOutOfRangeException(nameof(burstSeconds), burstSeconds, "A burst lasts a positive time within the stimulus.");
        var random = new Random(SyntheticSeed.For(seed, subject, trial, SyntheticSeed.Stream.Bursts));
        return new EmotionBursts([.. Enumerable.Range(0, count)
            .Select(_ => random.NextDouble() * (stimulusSeconds - burstSeconds))
            .Order()
            .Select(start => (start, start + burstSeconds))]);
    }

    /// <summary>Whether the emotion shows at <paramref name="seconds"/> after the stimulus onset.</summary>
    public bool Contains(double seconds) => Intervals.Any(b => seconds >= b.Start && seconds < b.End);

    /// <summary>Per frame of a video at <paramref name="frameRate"/>, whether the emotion shows at the frame's time
    /// n / <paramref name="frameRate"/> (the instant the face frame is drawn; the EEG window of the frame starts there).</summary>
    /// <param name="frames">Number of frames.</param>
    /// <param name="frameRate">Frames per second (positive).</param>
    public bool[] FrameMask(int frames, double frameRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        if (!(frameRate > 0)) throw new ArgumentOutOfRangeException(nameof(frameRate), frameRate, "The frame rate must be positive.");
        var mask = new bool[frames];
        for (int n = 0; n < frames; n++) mask[n] = Contains(n / frameRate);
        return mask;
    }
}
