using System.Text.Json.Nodes;
using MlNetEmotion.Cli.Metrics;
using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Evaluation;
using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Training;

namespace MlNetEmotion.Cli.Demo;

/// <summary>Settings of the built-in demo experiment.</summary>
internal sealed record DemoSettings(int Subjects = 32, int TrialsPerSubject = 40, string Target = "Arousal", int Folds = 5,
    int Epochs = 60, int Seed = 42, string OutputDirectory = "out/demo");

/// <summary>The main job: three-level arousal (or valence) from EEG band powers of the synthetic DEAP-shaped corpus,
/// z-scored inside the pipeline, an MLP classifier, 5-fold cross-validation grouped by subject.</summary>
internal static class DemoExperiment
{
    public static CrossValidationSummary<MulticlassClassificationMetrics> Run(EmotionContext ctx, DemoSettings settings)
    {
        var data = ctx.Data.LoadSyntheticEeg(new SyntheticEegOptions
        {
            Subjects = settings.Subjects, TrialsPerSubject = settings.TrialsPerSubject, Seed = settings.Seed,
        });
        var pipeline = ctx.Labels.ThreeLevel(settings.Target)
            .Append(ctx.Transforms.NormalizeMeanVariance("Features", "BandPower"))
            .Append(ctx.MulticlassClassification.Trainers.Mlp(new MlpOptions
            {
                HiddenSizes = [64], Dropout = 0.2, Epochs = settings.Epochs, LearningRate = 1e-3, WeightDecay = 1e-4,
            }));
        return ctx.MulticlassClassification.CrossValidate(data, pipeline, settings.Folds, samplingKeyColumnName: "Subject");
    }

    /// <summary>The JSON report: settings, per-fold metrics, mean ± sd and the pooled confusion matrix.</summary>
    public static JsonObject ToJson(DemoSettings settings, CrossValidationSummary<MulticlassClassificationMetrics> cv) => new()
    {
        ["experiment"] = new JsonObject
        {
            ["data"] = "synthetic DEAP-shaped EEG band powers (32 channels x 4 bands)",
            ["subjects"] = settings.Subjects,
            ["trialsPerSubject"] = settings.TrialsPerSubject,
            ["target"] = settings.Target,
            ["labels"] = "three levels: Low [1, 4.5), Medium [4.5, 5.5], High (5.5, 9]",
            ["folds"] = settings.Folds,
            ["grouping"] = "Subject",
            ["seed"] = settings.Seed,
        },
        ["folds"] = new JsonArray(cv.Folds.Select(f =>
        {
            var json = MetricsJson.Multiclass(f.Metrics);
            json["fold"] = f.Fold + 1;
            json["trainRows"] = f.Split.TrainRows.Length;
            json["testRows"] = f.Split.TestRows.Length;
            return (JsonNode?)json;
        }).ToArray()),
        ["summary"] = new JsonObject(cv.Statistics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
        {
            ["mean"] = MetricsJson.Value(kv.Value.Mean),
            ["sd"] = MetricsJson.Value(kv.Value.StandardDeviation),
        }))),
        ["pooledConfusionMatrix"] = new JsonObject
        {
            ["classes"] = new JsonArray(cv.PooledConfusionMatrix!.ClassNames.Select(c => (JsonNode?)c).ToArray()),
            ["counts"] = MetricsJson.Confusion(cv.PooledConfusionMatrix),
        },
    };
}
