using MlNetEmotion.Datasets.Synthetic.AffWild;
using Xunit.Abstractions;
using MlNetEmotion.Models.ConvLstm;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Features;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Models.Tests.ConvLstm;

/// <summary>The whole chain on a small Aff-Wild stand-in: Viola–Jones crops (frames without a face dropped and counted),
/// face-api stage-3 maps (128 × 7 × 7), padded rows, and a small ConvLSTM that learns valence and arousal of subjects it
/// never saw.</summary>
public class AffWildLearningTests(ITestOutputHelper output)
{
    private const int Videos = 10, Frames = 30, TrainVideos = 8;

    private static readonly Lazy<(IDataView Train, IDataView Test, int[] Missed, int[] Lengths)> Table = new(() =>
    {
        var ml = new MLContext(1);
        var videos = ml.Data.LoadSyntheticAffWild(new SyntheticAffWildOptions { Videos = Videos, VideoSeconds = Frames / 5.0, FrameRate = 5, Seed = 42 });
        var chain = ml.Transforms.Vision.DetectAndCropFaces("Faces", "Frames", new FaceCropOptions { Size = 112, OnMiss = MissedFacePolicy.DropFrame })
            .Append(ml.Transforms.Vision.FaceFeatureMaps())
            .Append(ml.Transforms.Vision.AlignFaceSequences(options: new FaceSequenceAlignmentOptions { Frames = Frames }))
            .Append(ml.Transforms.SelectColumns("Subject", "Features", "Label", "Length", "MissedFaces"));
        var table = ml.Data.Cache(chain.Fit(videos).Transform(videos), "Subject", "Features", "Label", "Length", "MissedFaces");
        var missed = table.GetColumn<int>("MissedFaces").ToArray();
        var lengths = table.GetColumn<int>("Length").ToArray();
        return (ml.Data.TakeRows(table, TrainVideos), ml.Data.SkipRows(table, TrainVideos), missed, lengths);
    });

    [Fact]
    public void Chain_drops_and_counts_frames_without_a_face()
    {
        var (train, _, missed, lengths) = Table.Value;
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, Frames, 128, 7, 7), train.Schema["Features"].Type);
        Assert.All(lengths.Zip(missed), p => Assert.Equal(Frames, p.First + p.Second));
        Assert.True(missed.Sum() > 0, "the stand-in has faceless stretches; some frames must be dropped");
    }

    [Fact]
    public void Small_ConvLstm_learns_held_out_subjects_valence_and_arousal()
    {
        var (train, test, _, _) = Table.Value;
        double[] Run()
        {
            var ml = new MLContext(1);
            var model = ml.Regression.Trainers.ConvLstm(new ConvLstmOptions
            {
                Filters = [8], KernelSize = 3, Pool = 1, HiddenUnits = 32, LengthColumnName = "Length", Loss = FaceSequenceLoss.Concordance,
                LearningRate = 3e-3, BatchSize = 2, Epochs = 12, Seed = 3,
            }).Fit(train);
            var frames = FaceSequenceMetrics.FramesOf(model.Transform(test), 2);
            return [.. frames.Select((f, d) => FaceSequenceMetrics.Compute(ml, d == 0 ? "Valence" : "Arousal", f).SequenceCcc)];
        }
        var first = Run();
        output.WriteLine($"held-out per-sequence CCC valence {first[0]:F3}, arousal {first[1]:F3}");
        // Measured 2026-12-08: valence 0.290, arousal 0.813 (mean 0.552) on the two held-out subjects; the bars leave a margin.
        Assert.True(first.Average() >= 0.45 && first.Min() >= 0.2, $"per-sequence CCC valence {first[0]:F3}, arousal {first[1]:F3}");
        Assert.Equal(first, Run());   // same seed, same bits
    }
}
