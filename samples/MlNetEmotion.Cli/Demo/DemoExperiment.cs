using System.Text.Json.Nodes;
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
/// <param name="Result">Per-fold metrics and their summary.</param>
internal sealed record DemoRun(string Name, string Protocol, CrossValidationSummary<MulticlassClassificationMetrics> Result);

/// <summary>
/// The main job: the synthetic DEAP-shaped corpus (raw 32-channel EEG with artefacts, drawn face video) through the real
/// chains — EEG: zero-phase band-pass 4–45 Hz, log Welch band power in 4 bands × 32 channels; face: Viola–Jones detection,
/// 112 × 112 crops, face-api's pretrained expression network (7 probabilities, averaged over the frames) — computed once
/// on all cores, then 3-level arousal (or valence) with z-scoring and an MLP inside each fold, cross-validated by subject
/// for EEG, face and both, plus a subject-dependent run to show how much easier mixing subjects is.
/// </summary>
internal static class DemoExperiment
{
    public static IReadOnlyList<DemoRun> Run(EmotionContext ctx, DemoSettings settings)
    {
        var features = Featurize(ctx, settings);
        var sets = new List<(string Name, string[] Columns)> { ("EEG", ["Eeg"]) };
        if (settings.Video) sets.AddRange([("Face", ["Face"]), ("EEG + face", ["Eeg", "Face"])]);
        var runs = sets.Select(s => new DemoRun(s.Name, "by subject",
            ctx.MulticlassClassification.CrossValidate(features, Model(ctx, settings, s.Columns), settings.Folds, samplingKeyColumnName: "Subject"))).ToList();
        var all = sets[^1];
        runs.Add(new DemoRun(all.Name, "subjects mixed",
            ctx.MulticlassClassification.CrossValidate(features, Model(ctx, settings, all.Columns), new KFoldSplitter(settings.Folds, settings.Seed))));
        return runs;
    }

    /// <summary>The per-trial features of every trial, computed once on all cores.</summary>
    private static IDataView Featurize(EmotionContext ctx, DemoSettings settings)
    {
        var data = ctx.Data.LoadSyntheticDeap(new SyntheticDeapOptions
        {
            Subjects = settings.Subjects, TrialsPerSubject = settings.TrialsPerSubject, StimulusSeconds = settings.Seconds,
            VideoFrameRate = settings.FrameRate, VideoSubjects = settings.Subjects, IncludeVideo = settings.Video, Seed = settings.Seed,
        });
        IEstimator<ITransformer> chain = ctx.Eeg.BandPass(lowHz: 4, highHz: 45)
            .Append(ctx.Eeg.BandPower("Eeg", options: new BandPowerOptions { Scale = BandPowerScale.Log, MaxDegreeOfParallelism = 1 }, asVector: true));
        string[] keep = ["Subject", settings.Target, "Eeg"];
        if (settings.Video)
        {
            chain = chain.Append(ctx.Vision.DetectAndCropFaces("Faces", "Frames", new FaceCropOptions { Size = 112, MinSize = 48 }))
                .Append(ctx.Vision.FaceExpressionFeatures("Face", "Faces"));
            keep = [.. keep, "Face"];
        }
        return ctx.Data.Cache(chain.Fit(data).Transform(data), new CacheOptions { Columns = keep, ProgressStage = "Features (EEG + face)" });
    }

    private static IEstimator<ITransformer> Model(EmotionContext ctx, DemoSettings settings, string[] columns) =>
        ctx.Labels.ThreeLevel(settings.Target)
            .Append(ctx.Transforms.Concatenate("Raw", columns))
            .Append(ctx.Transforms.NormalizeMeanVariance("Features", "Raw"))
            .Append(ctx.MulticlassClassification.Trainers.Mlp(new MlpOptions
            {
                HiddenSizes = [64], Dropout = 0.2, Epochs = settings.Epochs, LearningRate = 1e-3, WeightDecay = 1e-4,
            }));

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
        ["folds"] = new JsonArray(run.Result.Folds.Select(f =>
        {
            var json = MetricsJson.Multiclass(f.Metrics);
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
            ["classes"] = new JsonArray(run.Result.PooledConfusionMatrix!.ClassNames.Select(c => (JsonNode?)c).ToArray()),
            ["counts"] = MetricsJson.Confusion(run.Result.PooledConfusionMatrix),
        },
    };
}
