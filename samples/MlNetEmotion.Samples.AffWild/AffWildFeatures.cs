using MlNetEmotion.Datasets.Manifests;
using MlNetEmotion.Datasets.Synthetic.AffWild;
using MlNetEmotion.Vision.Features;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Samples.AffWild;

/// <summary>The paper's inputs as one chain: frames at 5 fps → Viola–Jones (frames without a face dropped and counted)
/// → 112 × 112 RGB crops → a frozen CNN's spatial maps → padded <c>[T, C, H, W]</c> rows with <c>[T, 2]</c> labels.</summary>
internal static class AffWildFeatures
{
    /// <summary>The rows (Subject, Features, Label, Length, MissedFaces), computed once and cached in memory.</summary>
    public static IDataView Load(MLContext ml, SampleSettings settings)
    {
        IDataView videos;
        IEstimator<ITransformer> chain;
        int frames;
        if (settings.Root is null)
        {
            var options = new SyntheticAffWildOptions { Videos = settings.Videos, VideoSeconds = settings.Seconds, FrameRate = SampleSettings.FrameRate, Seed = settings.DataSeed };
            videos = ml.Data.LoadSyntheticAffWild(options);
            frames = options.FramesPerVideo;
            chain = new EstimatorChain<ITransformer>();
        }
        else
        {
            videos = ml.Data.LoadManifest("aff-wild", settings.Root);
            frames = videos.GetColumn<float[]>("Valence").Max(v => v.Length);
            chain = ml.Transforms.Vision.ReadFrames("Frames", "VideoPath", new FrameReadOptions { FramesPerSecond = SampleSettings.FrameRate });
        }
        var features = chain
            .Append(ml.Transforms.Vision.DetectAndCropFaces("Faces", "Frames", new FaceCropOptions { Size = 112, OnMiss = MissedFacePolicy.DropFrame }))
            .Append(ml.Transforms.Vision.FaceFeatureMaps("FeatureMaps", "Faces", settings.FeatureMaps()))
            .Append(ml.Transforms.Vision.AlignFaceSequences("Features", "FeatureMaps", new FaceSequenceAlignmentOptions { Frames = frames }));
        string[] columns = ["Subject", "Features", "Label", "Length", "MissedFaces"];
        var rows = features.Append(ml.Transforms.SelectColumns(columns)).Fit(videos).Transform(videos);
        var table = ml.Data.Cache(rows, columns);
        using (var cursor = table.GetRowCursor(table.Schema))   // one pass computes and caches every column
            while (cursor.MoveNext()) { }
        return table;
    }
}
