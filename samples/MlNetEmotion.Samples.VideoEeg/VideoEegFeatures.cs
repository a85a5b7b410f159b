using MlNetEmotion.Data;
using MlNetEmotion.Transforms;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Datasets.Synthetic.Faces;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Vision.Expression;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The papers' inputs from a synthetic DEAP-shaped corpus: per frame, θ/α/β topomaps of the EEG (log band power,
/// S × S) and the face's expression probabilities, both at the same frame rate, cached once and (by default) standardised
/// per subject.</summary>
internal static class VideoEegFeatures
{
    /// <summary>Loads the stand-in and computes the columns Subject, Arousal, Valence, Topomaps [T, 3, S, S], Faces [T, 7]
    /// and, with bursts, BurstMask [T].</summary>
    public static IDataView Load(MLContext ml, SampleSettings s)
    {
        string[] columns = ["Subject", "Arousal", "Valence", "Topomaps", "Faces", .. s.Bursts > 0 ? new[] { "BurstMask" } : []];
        IDataView table;
        if (s.Cache is { } path && File.Exists(path)) table = ml.Data.CacheInParallel(ml.Data.LoadFromBinary(path), columns);
        else
        {
            table = Compute(ml, s, columns);
            if (s.Cache is { } file)
                using (var stream = File.Create(file)) ml.Data.SaveAsBinary(table, stream);
        }
        return s.Standardize ? ml.Data.CacheInParallel(ml.Data.StandardizePerGroup(table, "Subject", "Topomaps", "Faces"), columns) : table;
    }

    private static IDataView Compute(MLContext ml, SampleSettings s, string[] columns)
    {
        var data = ml.Data.LoadSyntheticDeap(new SyntheticDeapOptions
        {
            Subjects = s.Subjects, TrialsPerSubject = s.TrialsPerSubject, StimulusSeconds = s.Seconds, BaselineSeconds = 0,
            VideoFrameRate = s.FrameRate, VideoSubjects = s.Subjects, EmotionBursts = s.Bursts, BurstSeconds = s.BurstSeconds, Seed = s.Seed,
            Eeg = new SyntheticEegSignalOptions { EffectSize = s.EegEffect }, Faces = new SyntheticFaceOptions { EffectSize = s.FaceEffect },
        });
        var chain = ml.Transforms.Eeg.Topomaps("BandImages", "Signal", options: new BandTopomapOptions
            {
                FrameRate = s.FrameRate, Scale = BandPowerScale.Log, MaxDegreeOfParallelism = 1, Topomap = new TopomapOptions { Size = s.ImageSize },
            })
            .Append(ml.Transforms.Reshape("Topomaps", "BandImages", s.Frames, 3, s.ImageSize, s.ImageSize))
            .Append(ml.Transforms.Vision.DetectAndCropFaces("FaceCrops", "Frames", new FaceCropOptions { Size = 112, MinSize = 48 }))
            .Append(ml.Transforms.Vision.FaceExpressionFeatures("Expression", "FaceCrops", new FaceExpressionOptions { Pooling = FaceExpressionPooling.None }))
            .Append(ml.Transforms.Reshape("Faces", "Expression", s.Frames, 7));
        return ml.Data.CacheInParallel(chain.Fit(data).Transform(data), new CacheOptions { Columns = columns, ProgressStage = "Topomaps and faces" });
    }
}
