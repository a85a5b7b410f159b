using MlNetEmotion.Data;
using MlNetEmotion.Transforms;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Vision.Expression;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The papers' inputs from a synthetic DEAP-shaped corpus: per frame, θ/α/β topomaps of the EEG (log band power,
/// 32 × 32) and the face's expression probabilities, both at the same frame rate, cached once.</summary>
internal static class VideoEegFeatures
{
    /// <summary>Loads the stand-in and computes the columns Subject, Arousal, Valence, Topomaps [T, 3, 32, 32], Faces [T, 7].</summary>
    public static IDataView Load(MLContext ml, SampleSettings s)
    {
        var data = ml.Data.LoadSyntheticDeap(new SyntheticDeapOptions
        {
            Subjects = s.Subjects, TrialsPerSubject = s.TrialsPerSubject, StimulusSeconds = s.Seconds, BaselineSeconds = 0,
            VideoFrameRate = s.FrameRate, VideoSubjects = s.Subjects, EmotionBursts = s.Bursts, BurstSeconds = s.BurstSeconds, Seed = s.Seed,
        });
        int frames = (int)Math.Floor(s.Seconds * s.FrameRate + 1e-9);
        var chain = ml.Transforms.Eeg.Topomaps("BandImages", "Signal", options: new BandTopomapOptions
            {
                FrameRate = s.FrameRate, Scale = BandPowerScale.Log, MaxDegreeOfParallelism = 1, Topomap = new TopomapOptions { Size = 32 },
            })
            .Append(ml.Transforms.Reshape("Topomaps", "BandImages", frames, 3, 32, 32))
            .Append(ml.Transforms.Vision.DetectAndCropFaces("FaceCrops", "Frames", new FaceCropOptions { Size = 112, MinSize = 48 }))
            .Append(ml.Transforms.Vision.FaceExpressionFeatures("Expression", "FaceCrops", new FaceExpressionOptions { Pooling = FaceExpressionPooling.None }))
            .Append(ml.Transforms.Reshape("Faces", "Expression", frames, 7));
        return ml.Data.CacheInParallel(chain.Fit(data).Transform(data),
            new CacheOptions { Columns = ["Subject", "Arousal", "Valence", "Topomaps", "Faces"], ProgressStage = "Topomaps and faces" });
    }
}
