using MlNetEmotion.Audio.Pipeline;
using MlNetEmotion.Datasets.Manifests;
using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Pipeline;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Corpus;

/// <summary>
/// The synthetic corpora end to end: written in the real layouts, they load through the built-in manifests and the real
/// readers (MAT through ReadEeg with per-row trials, video through ffmpeg and ReadFrames, WAV), and what the files hold
/// equals the streamed view of the same seed.
/// </summary>
public sealed class SyntheticCorpusTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlnemo-synth-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SyntheticDeapOptions SmallDeap => new()
    {
        Subjects = 2, TrialsPerSubject = 3, StimulusSeconds = 2, BaselineSeconds = 1, VideoSubjects = 1, VideoFrameRate = 5, Seed = 11,
    };

    private static SyntheticEavOptions SmallEav => new() { Subjects = 2, TrialsPerSubject = 10, ClipSeconds = 1, VideoFrameRate = 4, Seed = 5 };

    [Fact]
    public void WrittenDeapLoadsThroughTheDeapManifestAndEqualsTheStream()
    {
        var ctx = new MLContext(1);
        var stages = new List<ProgressEventArgs>();
        ctx.Progress().Changed += (_, e) => stages.Add(e);
        ctx.Data.WriteSyntheticDeap(_root, SmallDeap);
        Assert.Equal(("Writing synthetic DEAP", 6L, 6L), (stages[^1].Stage, stages[^1].Completed, stages[^1].Total));

        var files = ctx.Data.LoadManifest("deap", _root);                       // the real DEAP manifest, 2 of 32 subjects present
        var stream = ctx.Data.LoadSyntheticDeap(SmallDeap);
        Assert.Equal(6, files.GetRowCount());
        foreach (string label in new[] { "Valence", "Arousal", "Dominance", "Liking", "PresentationTrial" })
            Assert.Equal(stream.GetColumn<float>(label), files.GetColumn<float>(label));
        Assert.Equal(stream.GetColumn<string>("Subject"), files.GetColumn<string>("Subject"));

        var read = ctx.Transforms.Eeg.ReadEeg("Signal", "EegPath", trialColumnName: "EegTrialIndex").Fit(files).Transform(files);
        var fromFiles = read.GetColumn<EegSignal>("Signal").ToArray();
        var streamed = stream.GetColumn<EegSignal>("Signal").ToArray();
        for (int row = 0; row < 6; row++)
        {
            Assert.Equal(streamed[row].ChannelNames, fromFiles[row].ChannelNames);
            Assert.Equal(128, fromFiles[row].SamplingRate);
            Assert.Equal(3 * 128, fromFiles[row].SampleCount);
            for (int c = 0; c < 32; c++) Assert.Equal(streamed[row].Data[c], fromFiles[row].Data[c]);   // MAT keeps float64 exactly
        }

        var video = files.GetColumn<string>("VideoPath").ToArray();
        Assert.All(video.Take(3), p => Assert.EndsWith(".avi", p));
        Assert.All(video.Skip(3), p => Assert.Equal("", p));                  // subject 2 has no video (VideoSubjects = 1)
        var firstSubject = ctx.Data.SelectRows(files, [0, 1, 2]);
        var frames = ctx.Transforms.Vision.ReadFrames().Fit(firstSubject).Transform(firstSubject).GetColumn<ImageSequence>("Frames").ToArray();
        var drawn = ctx.Data.SelectRows(stream, [0, 1, 2]).GetColumn<ImageSequence>("Frames").ToArray();
        for (int row = 0; row < 3; row++)
        {
            Assert.Equal(10, frames[row].Count);                            // 2 s at 5 fps
            Assert.InRange(MeanAbsoluteDifference(drawn[row], frames[row]), 0, 6);   // lossy codec, same pictures
        }
    }

    [Fact]
    public void WrittenEavLoadsThroughTheSyntheticEavManifestAndEqualsTheStream()
    {
        var ctx = new MLContext(1);
        ctx.Data.WriteSyntheticEav(_root, SmallEav);
        var manifest = DatasetManifest.Load("synthetic-eav");
        var files = ctx.Data.LoadManifest("synthetic-eav", _root);
        var stream = ctx.Data.LoadSyntheticEav(SmallEav);
        Assert.Equal(20, files.GetRowCount());
        Assert.Equal(stream.GetColumn<uint>("Emotion"), files.GetColumn<uint>("Emotion"));
        Assert.Equal(stream.GetColumn<uint>("Task"), files.GetColumn<uint>("Task"));
        var audio = files.GetColumn<string>("AudioPath").ToArray();
        var task = files.GetColumn<uint>("Task").ToArray();
        for (int row = 0; row < 20; row++) Assert.Equal(task[row] == 2, audio[row].Length > 0);   // audio only for speaking

        var options = new EegFileOptions { ChannelNames = manifest.Modalities["eeg"].Channels };
        var read = ctx.Transforms.Eeg.ReadEeg("Signal", "EegPath", options, "EegTrialIndex").Fit(files).Transform(files);
        var fromFiles = read.GetColumn<EegSignal>("Signal").ToArray();
        var streamed = stream.GetColumn<EegSignal>("Signal").ToArray();
        for (int row = 0; row < 20; row++)
        {
            Assert.Equal(500, fromFiles[row].SamplingRate);
            Assert.Equal(streamed[row].ChannelNames, fromFiles[row].ChannelNames);
            for (int c = 0; c < 30; c++) Assert.Equal(streamed[row].Data[c], fromFiles[row].Data[c]);
        }

        int speaking = Array.IndexOf(task, 2u);
        var wav = ctx.Transforms.Audio.ReadAudio("Audio", "AudioPath").Fit(files).Transform(ctx.Data.SelectRows(files, [speaking])).GetColumn<MlNetEmotion.Audio.IO.AudioBuffer>("Audio").Single();
        var voice = ctx.Data.SelectRows(stream, [speaking]).GetColumn<MlNetEmotion.Audio.IO.AudioBuffer>("Audio").Single();
        Assert.Equal(voice.SampleRate, wav.SampleRate);
        Assert.Equal(voice.Samples.Length, wav.Samples.Length);
        Assert.InRange(voice.Samples.Zip(wav.Samples, (a, b) => Math.Abs(a - b)).Max(), 0, 1.0 / 32768 + 1e-6);   // 16-bit rounding
    }

    [Fact]
    public void BuiltInManifestsIncludeTheRealAndSyntheticCorpora()
    {
        Assert.Superset(new HashSet<string>(["deap", "eav", "mahnob-hci", "ravdess", "synthetic-deap", "synthetic-eav"]), BuiltInManifests.Names.ToHashSet());
        Assert.Equal("Synthetic DEAP", DatasetManifest.Load("Synthetic-DEAP.json").Name);
        var e = Assert.Throws<ManifestException>(() => DatasetManifest.Load("no-such-corpus"));
        Assert.Contains("synthetic-eav", e.Message);
    }

    internal static double MeanAbsoluteDifference(ImageSequence a, ImageSequence b)
    {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < a.Count; i++)
        {
            var x = a.Images[i].Pixels;
            var y = b.Images[i].Pixels;
            for (int k = 0; k < x.Length; k++) sum += Math.Abs(x[k] - y[k]);
            n += x.Length;
        }
        return sum / n;
    }
}
