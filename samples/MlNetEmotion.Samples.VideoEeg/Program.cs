using MlNetEmotion;
using System.Diagnostics;
using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Samples.VideoEeg;
using MlNetEmotion.Splitting;
using MlNetEmotion.Training;

// The protocol of the video–EEG papers on a small synthetic stand-in: subjects split 5:1:1 (train / validation / test),
// three-level labels, the vis-EEG-LSTM and the hierarchical LSTM against an MLP on the same inputs.
var settings = SampleSettings.Parse(args);
var ml = new MLContext(settings.Seed);
var clock = Stopwatch.StartNew();
var table = VideoEegFeatures.Load(ml, settings);
Console.WriteLine($"features: {table.GetRowCount()} trials in {clock.Elapsed.TotalSeconds:F0} s; {settings}");

var models = new (string Key, string Name, IEstimator<ITransformer> Trainer)[]
{
    // Every model reads the same unnormalised inputs (ML.NET's NormalizeMeanVariance on the ~70,000-slot flattened
    // vector costs more than the whole training here).
    ("mlp", "MLP (flattened)", ml.Transforms.Concatenate("Features", "Topomaps", "Faces")
        .Append(ml.MulticlassClassification.Trainers.Mlp(Protocol(new MlpOptions { HiddenSizes = [64], Dropout = 0.5 })))),
    ("vis", "vis-EEG-LSTM", ml.MulticlassClassification.Trainers.VisEegLstm(Protocol(new VisEegLstmTrainerOptions { MaxGlimpses = 12 }))),
    ("hierarchical", "hierarchical LSTM", ml.MulticlassClassification.Trainers.HierarchicalLstm(Protocol(new HierarchicalLstmTrainerOptions { MaxGlimpses = 12 }))),
};
foreach (var (key, name, trainer) in models)
{
    if (!settings.Models.Split(',').Contains(key)) continue;
    clock.Restart();
    var chain = ml.Transforms.Labels.ThreeLevel(settings.Target).Append(trainer);
    // One 5:1:1 split by subject: training on five parts, testing on one; the trainer holds back whole subjects of its
    // training rows to choose the epoch (the papers' validation part).
    var result = ml.MulticlassClassification.CrossValidate(table, chain, new GroupRatioSplitter(5, 1, 1, settings.Seed),
        samplingKeyColumnName: "Subject");
    var test = result.Folds.Single();
    Console.WriteLine($"{name,-28} accuracy {test.Metrics.Standard.MicroAccuracy:F3}  macro-F1 {test.Metrics.Scores.MacroF1:F3}  " +
        $"({test.Split.TrainRows.Length} train / {test.Split.TestRows.Length} test trials, {clock.Elapsed.TotalSeconds:F0} s)");
}

T Protocol<T>(T options) where T : MlNetEmotion.Models.Training.NeuralTrainerOptions
{
    options.Epochs = settings.Epochs;
    options.Seed = settings.Seed;
    options.ValidationGroupColumnName = "Subject";
    options.ValidationFraction = 0.2;
    options.EarlyStoppingMetric = "Accuracy";
    return options;
}
