using MlNetEmotion.Datasets.Manifests;
using MlNetEmotion.Datasets.Synthetic.AffWild;
using MlNetEmotion.Datasets.Tests.Synthetic.Corpus;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Datasets.Tests.Synthetic.AffWild;

/// <summary>The Aff-Wild stand-in: written in Aff-Wild's layout it loads through the built-in <c>aff-wild</c> manifest and
/// equals the streamed view; its annotations are smooth, bounded, subject-specific and noisy; some frames have no face.</summary>
public sealed class SyntheticAffWildTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlnemo-affwild-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SyntheticAffWildOptions Small => new() { Videos = 2, VideoSeconds = 1.2, FrameRate = 5, Seed = 9 };

    [Fact]
    public void Written_corpus_loads_through_the_aff_wild_manifest_and_equals_the_stream()
    {
        var ctx = new MLContext(1);
        var stages = new List<ProgressEventArgs>();
        ctx.Progress().Changed += (_, e) => stages.Add(e);
        ctx.Data.WriteSyntheticAffWild(_root, Small);
        Assert.Equal(("Writing synthetic Aff-Wild", 2L, 2L), (stages[^1].Stage, stages[^1].Completed, stages[^1].Total));

        var files = ctx.Data.LoadManifest("aff-wild", _root);
        var stream = ctx.Data.LoadSyntheticAffWild(Small);
        Assert.Equal(2, files.GetRowCount());
        Assert.Equal(stream.GetColumn<string>("Subject"), files.GetColumn<string>("Subject"));
        foreach (string label in new[] { "Valence", "Arousal" })
        {
            var written = files.GetColumn<float[]>(label).ToArray();
            var streamed = stream.GetColumn<float[]>(label).ToArray();
            Assert.Equal(streamed, written);
            Assert.All(written, v => Assert.Equal(6, v.Length));                 // 1.2 s at 5 fps
        }

        var frames = ctx.Transforms.Vision.ReadFrames().Fit(files).Transform(files).GetColumn<ImageSequence>("Frames").ToArray();
        var drawn = stream.GetColumn<ImageSequence>("Frames").ToArray();
        for (int row = 0; row < 2; row++)
        {
            Assert.Equal(6, frames[row].Count);
            Assert.InRange(SyntheticCorpusTests.MeanAbsoluteDifference(drawn[row], frames[row]), 0, 6);   // lossy codec, same pictures
        }
    }

    [Fact]
    public void Annotations_are_smooth_bounded_noisy_and_differ_by_subject()
    {
        var options = new SyntheticAffWildOptions { Videos = 6, VideoSeconds = 30, FrameRate = 10, IncludeVideo = false, AnnotationNoiseStd = 0 };
        var ctx = new MLContext(1);
        var clean = ctx.Data.LoadSyntheticAffWild(options).GetColumn<float[]>("Valence").ToArray();
        options.AnnotationNoiseStd = 0.05;
        var noisy = ctx.Data.LoadSyntheticAffWild(options).GetColumn<float[]>("Valence").ToArray();
        foreach (var v in clean)
        {
            Assert.All(v, x => Assert.InRange(x, -1f, 1f));
            double step = v.Zip(v.Skip(1), (a, b) => Math.Abs(a - b)).Average();
            Assert.True(step < 0.05, $"mean frame-to-frame change {step}");               // smooth at 10 fps
            Assert.True(v.Max() - v.Min() > 0.3, $"range {v.Max() - v.Min()}");           // but it moves
        }
        var noise = clean.Zip(noisy, (c, n) => c.Zip(n, (a, b) => (double)(b - a))).SelectMany(d => d).ToArray();
        double sd = Math.Sqrt(noise.Select(d => d * d).Average());
        Assert.InRange(sd, 0.035, 0.06);
        var means = clean.Select(v => v.Average()).ToArray();
        Assert.True(means.Max() - means.Min() > 0.2, $"subject means {string.Join(", ", means)}");
    }

    [Fact]
    public void Some_frames_have_no_face_and_the_plan_is_deterministic()
    {
        var options = new SyntheticAffWildOptions { Videos = 4, VideoSeconds = 30, FrameRate = 5, IncludeVideo = false, FaceGapsPerMinute = 6 };
        var ctx = new MLContext(1);
        var visible = ctx.Data.LoadSyntheticAffWild(options).GetColumn<bool[]>("FaceVisible").SelectMany(v => v).ToArray();
        double missing = visible.Count(v => !v) / (double)visible.Length;
        Assert.InRange(missing, 0.01, 0.3);
        Assert.Equal(ctx.Data.LoadSyntheticAffWild(options).GetColumn<float[]>("Arousal"), ctx.Data.LoadSyntheticAffWild(options).GetColumn<float[]>("Arousal"));
        options.Seed = 43;
        Assert.NotEqual(ctx.Data.LoadSyntheticAffWild(new SyntheticAffWildOptions { Videos = 4, VideoSeconds = 30, FrameRate = 5, IncludeVideo = false }).GetColumn<float[]>("Arousal"),
            ctx.Data.LoadSyntheticAffWild(options).GetColumn<float[]>("Arousal"));
    }

    [Fact]
    public void Faceless_frames_show_only_background()
    {
        var options = new SyntheticAffWildOptions { Videos = 3, VideoSeconds = 20, FrameRate = 2, FaceGapsPerMinute = 12, Seed = 4 };
        var view = new MLContext(1).Data.LoadSyntheticAffWild(options);
        var visible = view.GetColumn<bool[]>("FaceVisible").ToArray();
        var frames = view.GetColumn<ImageSequence>("Frames").ToArray();
        int checkedFrames = 0;
        for (int v = 0; v < visible.Length; v++)
            for (int i = 0; i < visible[v].Length; i++)
            {
                if (visible[v][i]) continue;
                var pixels = frames[v].Images[i].Pixels;
                var reference = frames[v].Images[Array.IndexOf(visible[v], true)].Pixels;
                double difference = pixels.Zip(reference, (a, b) => (double)Math.Abs(a - b)).Average();
                Assert.True(difference > 3, $"video {v} frame {i}: differs from a face frame by only {difference}");
                checkedFrames++;
            }
        Assert.True(checkedFrames > 0);
    }
}
