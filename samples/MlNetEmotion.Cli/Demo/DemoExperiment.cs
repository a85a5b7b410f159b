using System.Text.Json.Nodes;
using Microsoft.ML.Trainers.LightGbm;
using MlNetEmotion.Cli.Metrics;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Evaluation;
using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Splitting;
using MlNetEmotion.Training;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Cli.Demo;

/// <summary>Settings of the built-in demo experiment.</summary>
internal sealed record DemoSettings(int Subjects = 32, int TrialsPerSubject = 40, double Seconds = 10, double FrameRate = 0.5,
    string Target = "Arousal", int Folds = 5, int Epochs = 60, int Seed = 42, string OutputDirectory = "out/demo", bool Video = true);

/// <summary>One cross-validated feature set.</summary>
/// <param name="Name">What the classifier saw.</param>
/// <param name="Protocol">How rows were split.</param>
/// <param name="Result">Per-fold metrics, their summary and the pooled metrics.</param>
/// <param name="Model">The classifier: <c>MLP</c> (z-scoring and our MLP) or <c>LightGbm</c> (ML.NET's gradient-boosted trees).</param>
internal sealed record DemoRun(string Name, string Protocol, CrossValidationSummary<ExtendedMulticlassMetrics> Result, string Model = DemoExperiment.Mlp);

/// <summary>
/// The main job: the synthetic DEAP-shaped corpus (raw 32-channel EEG with artefacts, drawn face video) through the real
/// chains — EEG: zero-phase band-pass 4–45 Hz, log Welch band power in 4 bands × 32 channels; face: Viola–Jones detection,
/// 112 × 112 crops, face-api's pretrained expression network (7 probabilities, averaged over the frames) — computed once
/// on all cores, then 3-level arousal (or valence) with z-scoring and an MLP inside each fold, cross-validated by subject
/// for EEG, face and both, ML.NET's LightGbm on both (with video), plus a subject-dependent run to show how much easier
/// mixing subjects is.
/// </summary>
internal static class DemoExperiment
{
    /// <summary>The model name of the MLP runs.</summary>
    public const string Mlp = "MLP";

    /// <summary>The model name of the LightGbm run.</summary>
    public const string LightGbm = "LightGbm";

    public static IReadOnlyList<DemoRun> Run(MLContext ml, DemoSettings settings)
    {
        var features = Featurize(ml, settings);
        var sets = new List<(string Name, string[] Columns)> { ("EEG", ["Eeg"]) };
        if (settings.Video) sets.AddRange([("Face", ["Face"]), ("EEG + face", ["Eeg", "Face"])]);
        var runs = sets.Select(s => new DemoRun(s.Name, "by subject", BySubject(ml, settings, features, Model(ml, settings, s.Columns)))).ToList();
        var all = sets[^1];
        if (settings.Video)
            runs.Add(new DemoRun(all.Name, "by subject", BySubject(ml, settings, features, GradientBoosting(ml, settings, all.Columns)), LightGbm));
        runs.Add(new DemoRun(all.Name, "subjects mixed",
            ml.MulticlassClassification.CrossValidate(features, Model(ml, settings, all.Columns), new KFoldSplitter(settings.Folds, settings.Seed))));
        return runs;
    }

    private static CrossValidationSummary<ExtendedMulticlassMetrics> BySubject(MLContext ml, DemoSettings settings, IDataView features,
        IEstimator<ITransformer> model) =>
        ml.MulticlassClassification.CrossValidate(features, model, new GroupKFoldSplitter(settings.Folds, settings.Seed), samplingKeyColumnName: "Subject");

    /// <summary>The per-trial features of every trial, computed once on all cores.</summary>
    private static IDataView Featurize(MLContext ml, DemoSettings settings)
    {
        var data = ml.Data.LoadSyntheticDeap(new SyntheticDeapOptions
        {
            Subjects = settings.Subjects, TrialsPerSubject = settings.TrialsPerSubject, StimulusSeconds = settings.Seconds,
            VideoFrameRate = settings.FrameRate, VideoSubjects = settings.Subjects, IncludeVideo = settings.Video, Seed = settings.Seed,
        });
        IEstimator<ITransformer> chain = ml.Transforms.Eeg.BandPass(lowHz: 4, highHz: 45)
            .Append(ml.Transforms.Eeg.BandPower("Eeg", options: new BandPowerOptions { Scale = BandPowerScale.Log, MaxDegreeOfParallelism = 1 }, asVector: true));
        string[] keep = ["Subject", settings.Target, "Eeg"];
        if (settings.Video)
        {
            chain = chain.Append(ml.Transforms.Vision.DetectAndCropFaces("Faces", "Frames", new FaceCropOptions { Size = 112, MinSize = 48 }))
                .Append(ml.Transforms.Vision.FaceExpressionFeatures("Face", "Faces"));
            keep = [.. keep, "Face"];
        }
        // Caching also settles the EEG vector's length (every trial has the same one), as ML.NET's trainers need.
        return ml.Data.CacheInParallel(chain.Fit(data).Transform(data), new CacheOptions { Columns = keep, ProgressStage = "Features (EEG + face)" });
    }

    private static IEstimator<ITransformer> Model(MLContext ml, DemoSettings settings, string[] columns) =>
        ml.Transforms.Labels.ThreeLevel(settings.Target)
            .Append(ml.Transforms.Concatenate("Raw", columns))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", "Raw", fixZero: false))   // z-scores: centred, not only scaled
            .Append(ml.MulticlassClassification.Trainers.Mlp(new MlpOptions
            {
                HiddenSizes = [64], Dropout = 0.2, Epochs = settings.Epochs, LearningRate = 1e-3, WeightDecay = 1e-4,
            }));

    /// <summary>ML.NET's LightGbm on the same features (trees need no z-scoring). One thread, so that the same seed gives
    /// the same trees.</summary>
    private static IEstimator<ITransformer> GradientBoosting(MLContext ml, DemoSettings settings, string[] columns) =>
        ml.Transforms.Labels.ThreeLevel(settings.Target)
            .Append(ml.Transforms.Concatenate("Features", columns))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfThreads = 1, Seed = settings.Seed }));

    /// <summary>The JSON report: settings, then per run the per-fold metrics, mean ± sd and the pooled confusion matrix.</summary>
    public static JsonObject ToJson(DemoSettings settings, IReadOnlyList<DemoRun> runs) => new()
    {
        ["experiment"] = new JsonObject
        {
            ["data"] = "synthetic DEAP-shaped corpus: raw 32-channel EEG (128 Hz, 3 s baseline) and drawn face video",
            ["eeg"] = "band-pass 4-45 Hz (zero-phase Butterworth 4), log Welch band power theta/alpha/beta/gamma x 32 channels",
            ["face"] = settings.Video ? $"Viola-Jones, 112x112 crops at {settings.FrameRate} fps, face-api expression probabilities averaged over frames" : "none",
            ["subjects"] = settings.Subjects,
            ["trialsPerSubject"] = settings.TrialsPerSubject,
            ["stimulusSeconds"] = settings.Seconds,
            ["target"] = settings.Target,
            ["labels"] = "three levels: Low [1, 4.5), Medium [4.5, 5.5], High (5.5, 9]",
            ["folds"] = settings.Folds,
            ["seed"] = settings.Seed,
        },
        ["runs"] = new JsonArray(runs.Select(r => (JsonNode?)RunJson(r)).ToArray()),
    };

    private static JsonObject RunJson(DemoRun run) => new()
    {
        ["features"] = run.Name,
        ["split"] = run.Protocol,
        ["model"] = run.Model,
        ["folds"] = new JsonArray(run.Result.Folds.Select(f =>
        {
            var json = MetricsJson.Multiclass(f.Metrics.Scores);
            json["fold"] = f.Fold + 1;
            json["trainRows"] = f.Split.TrainRows.Length;
            json["testRows"] = f.Split.TestRows.Length;
            return (JsonNode?)json;
        }).ToArray()),
        ["summary"] = new JsonObject(run.Result.Statistics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
        {
            ["mean"] = MetricsJson.Value(kv.Value.Mean),
            ["sd"] = MetricsJson.Value(kv.Value.StandardDeviation),
        }))),
        ["pooledConfusionMatrix"] = new JsonObject
        {
            ["classes"] = new JsonArray(run.Result.Pooled.Scores.Counts.ClassNames.Select(c => (JsonNode?)c).ToArray()),
            ["counts"] = MetricsJson.Confusion(run.Result.Pooled.Scores.Counts),
        },
    };
}
