using MlNetEmotion.Data;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Vision.Media;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Datasets.Synthetic.AffWild;

/// <summary>The Aff-Wild stand-in streamed: Subject and Trial (the video number, as the <c>aff-wild</c> manifest names
/// both), Valence and Arousal (<c>[frames]</c> annotations), FaceVisible (<c>[frames]</c>) and, with video, Frames.</summary>
internal static class SyntheticAffWildCorpus
{
    public static IReadOnlyList<SyntheticAffWildVideo> Plan(SyntheticAffWildOptions options)
    {
        options.Validate();
        return [.. Enumerable.Range(1, options.Videos).Select(n => SyntheticAffWildVideo.Plan(options, n))];
    }

    public static IDataView View(SyntheticAffWildOptions options)
    {
        var videos = Plan(options);
        int frames = options.FramesPerVideo;
        var builder = new DataViewSchema.Builder();
        var values = new List<Array>();
        foreach (var name in new[] { "Subject", "Trial" })
        {
            builder.AddColumn(name, TextDataViewType.Instance);
            values.Add(videos.Select(v => SyntheticCorpusView.Id(v.Number).AsMemory()).ToArray());
        }
        var vector = new VectorDataViewType(NumberDataViewType.Single, frames);
        builder.AddColumn("Valence", vector);
        values.Add(videos.Select(v => new VBuffer<float>(frames, v.Valence)).ToArray());
        builder.AddColumn("Arousal", vector);
        values.Add(videos.Select(v => new VBuffer<float>(frames, v.Arousal)).ToArray());
        builder.AddColumn("FaceVisible", new VectorDataViewType(BooleanDataViewType.Instance, frames));
        values.Add(videos.Select(v => new VBuffer<bool>(frames, [.. Enumerable.Range(0, frames).Select(i => v.FaceVisible(i / options.FrameRate))])).ToArray());
        IDataView labels = new InMemoryDataView(builder.ToSchema(), values);
        if (!options.IncludeVideo) return labels;
        var trials = videos.Select(v => new SyntheticTrial(v.Number, v.Number, default)).ToArray();
        var frameColumn = new SyntheticColumn<ImageSequence>("Frames", ImageSequenceColumn.Type, t => Clip(videos[t.Subject - 1], options));
        return new RowMappedDataView(labels, new SyntheticModalityMapper(labels.Schema, trials, [frameColumn]));
    }

    /// <summary>Writes <c>videos/train/N.mp4</c> and <c>annotations/train/{valence,arousal}/N.txt</c> (one value per
    /// frame and line), each file under a temporary name first.</summary>
    public static void Write(string root, SyntheticAffWildOptions options, Action<long, long>? progress)
    {
        var videos = Plan(options);
        long done = 0;
        foreach (var video in videos)
        {
            string name = SyntheticCorpusView.Id(video.Number);
            VideoWriter.Save(Path.Combine(root, "videos", "train", name + ".mp4"), video.Frames(options).Select(f => f.Image),
                new VideoWriterOptions { FrameRate = options.FrameRate });
            WriteLines(Path.Combine(root, "annotations", "train", "valence", name + ".txt"), video.ValenceText);
            WriteLines(Path.Combine(root, "annotations", "train", "arousal", name + ".txt"), video.ArousalText);
            progress?.Invoke(++done, videos.Count);
        }
    }

    private static ImageSequence Clip(SyntheticAffWildVideo video, SyntheticAffWildOptions options)
    {
        var frames = video.Frames(options).ToArray();
        return new ImageSequence(frames.Select(f => f.Image).ToArray(), frames.Select(f => f.TimestampSeconds).ToArray());
    }

    private static void WriteLines(string path, string[] lines) =>
        Core.IO.AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            foreach (string line in lines) writer.WriteLine(line);
        });
}
