using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Datasets.Synthetic.Faces;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

public class EmotionBurstTests
{
    private static readonly SyntheticEegSignalOptions Short = new() { Seconds = 20, BaselineSeconds = 1, BlinkRate = 0, MuscleRate = 0 };

    [Fact]
    public void Bursts_lie_inside_the_stimulus_and_repeat_for_a_seed()
    {
        var bursts = EmotionBursts.Draw(42, 3, 7, count: 3, burstSeconds: 2, stimulusSeconds: 20);
        Assert.Equal(3, bursts.Intervals.Count);
        Assert.All(bursts.Intervals, b => { Assert.InRange(b.Start, 0, 18); Assert.Equal(2, b.End - b.Start, 9); });
        Assert.Equal(bursts.Intervals, EmotionBursts.Draw(42, 3, 7, 3, 2, 20).Intervals);
        Assert.NotEqual(bursts.Intervals, EmotionBursts.Draw(42, 3, 8, 3, 2, 20).Intervals);
    }

    [Fact]
    public void Eeg_is_at_rest_outside_the_bursts_and_moved_inside()
    {
        var bursts = EmotionBursts.Draw(1, 2, 3, count: 2, burstSeconds: 2, stimulusSeconds: 20);
        var felt = SyntheticEegSignals.Generate(1, 2, 3, new AffectState(0.9, 0.9), Short, bursts);
        var rest = SyntheticEegSignals.Generate(1, 2, 3, new AffectState(0, 0), Short);
        double fs = felt.Channels[0].SamplingRate;
        int baseline = (int)fs;
        double inside = 0, outside = 0;
        for (int c = 0; c < felt.Channels.Count; c++)
            for (int i = baseline; i < felt.Channels[c].Samples.Length; i++)
            {
                double d = Math.Abs(felt.Channels[c].Samples[i] - rest.Channels[c].Samples[i]);
                if (bursts.Contains((i - baseline) / fs)) inside = Math.Max(inside, d);
                else outside = Math.Max(outside, d);
            }
        Assert.True(outside < 1e-9, $"outside the bursts the trial differs from rest by {outside} µV");
        Assert.True(inside > 0.5, $"inside the bursts the trial differs from rest by only {inside} µV");
    }

    [Fact]
    public void Face_expresses_only_inside_the_bursts()
    {
        var bursts = EmotionBursts.Draw(1, 2, 3, count: 1, burstSeconds: 2, stimulusSeconds: 10);
        var options = new SyntheticFaceOptions { FrameRate = 2, Width = 64, Height = 48 };
        var felt = SyntheticFaceVideo.Frames(1, 2, 3, new AffectState(0.9, 0.9), 10, options, bursts).Select(f => f.Expression).ToArray();
        var rest = SyntheticFaceVideo.Frames(1, 2, 3, default, 10, options).Select(f => f.Expression).ToArray();
        for (int i = 0; i < felt.Length; i++)
            Assert.Equal(bursts.Contains(i / 2.0), felt[i] != rest[i]);
    }

    [Fact]
    public void The_streamed_corpus_marks_the_burst_frames()
    {
        var options = new SyntheticDeapOptions { Subjects = 1, TrialsPerSubject = 3, StimulusSeconds = 8, BaselineSeconds = 0, VideoFrameRate = 4,
            EmotionBursts = 1, BurstSeconds = 1.5, IncludeVideo = false, Seed = 5 };
        var data = new MLContext(seed: 1).Data.LoadSyntheticDeap(options);
        Assert.Equal(32, ((VectorDataViewType)data.Schema["BurstMask"].Type).Size);
        var masks = data.GetColumn<VBuffer<bool>>("BurstMask").Select(m => m.DenseValues().ToArray()).ToArray();
        for (int trial = 1; trial <= 3; trial++)
        {
            var bursts = EmotionBursts.Draw(5, 1, trial, 1, 1.5, 8);
            Assert.Equal(Enumerable.Range(0, 32).Select(n => bursts.Contains(n / 4.0)), masks[trial - 1]);
            Assert.InRange(masks[trial - 1].Count(b => b), 5, 7); // 1.5 s at 4 fps: 6 frames, give or take the edges
        }
        Assert.Null(new MLContext(seed: 1).Data.LoadSyntheticDeap(new SyntheticDeapOptions { Subjects = 1, TrialsPerSubject = 1 }).Schema.GetColumnOrNull("BurstMask"));
    }
}
