using System.Diagnostics;
using MlNetEmotion.Models.ConvLstm;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Samples.AffWild;

// Paper 001's protocol on the Aff-Wild stand-in (or a real Aff-Wild folder): per-frame valence and arousal from face
// video, videos split 4:1 by subject, the ConvLSTM against CNN-LSTM, CNN-GRU and a per-frame linear regression on the
// same frozen-CNN feature maps; early stopping on validation subjects' CCC.
var settings = SampleSettings.Parse(args);
var ml = new MLContext(settings.Seed);
var clock = Stopwatch.StartNew();
var total = Stopwatch.StartNew();
var table = AffWildFeatures.Load(ml, settings);
var missed = table.GetColumn<int>("MissedFaces").ToArray();
Console.WriteLine($"features: {missed.Length} videos in {clock.Elapsed.TotalSeconds:F0} s; frames without a face dropped per video: " +
                  string.Join(' ', missed) + $"; {settings}");
var split = ml.Data.TrainTestSplit(table, testFraction: 0.2, samplingKeyColumnName: "Subject", seed: settings.Seed);
Console.WriteLine($"split by subject: {split.TrainSet.GetColumn<int>("Length").Count()} training videos, {split.TestSet.GetColumn<int>("Length").Count()} test videos");

// The maps are 7 × 7 (face-api stage 3 with 2 × 2 average pooling: 128 channels; ResNet-18: 512): the ConvLSTM runs
// 16 / 8 filters with 3 × 3 kernels on the full grid (no pooling before its fully connected layers); the baselines
// max-pool each map to one value per channel.
var models = new (string Key, string Name, Func<IEstimator<ITransformer>> Trainer)[]
{
    ("convlstm", "ConvLSTM", () => ml.Regression.Trainers.ConvLstm(Protocol(new ConvLstmOptions { Filters = [16, 8], KernelSize = 3, Pool = 1 }))),
    // The paper's sizes (three layers of 32 / 16 / 8 filters, 7 × 7 kernels, 4 × 4 max pooling) on the same 7 × 7 maps.
    ("convlstm-paper", "ConvLSTM (paper sizes)", () => ml.Regression.Trainers.ConvLstm(Protocol(new ConvLstmOptions()))),
    ("cnnlstm", "CNN-LSTM", () => ml.Regression.Trainers.CnnLstm(Protocol(new RecurrentBaselineOptions { Pool = 7 }))),
    ("cnngru", "CNN-GRU", () => ml.Regression.Trainers.CnnGru(Protocol(new RecurrentBaselineOptions { Pool = 7 }))),
};
var targets = new[] { "Valence", "Arousal" };
foreach (var (key, name, trainer) in models)
{
    if (!settings.Models.Split(',').Contains(key)) continue;
    clock.Restart();
    var model = (NeuralPredictionTransformer)trainer().Fit(split.TrainSet);
    var frames = FaceSequenceMetrics.FramesOf(model.Transform(split.TestSet), targets.Length);
    Report(name, $"epochs {model.History.Epochs.Count}, kept {model.History.BestEpoch}", frames);
}
if (settings.Models.Split(',').Contains("linear"))
{
    clock.Restart();
    Report("linear (per frame, SDCA)", "one model per target", PerFrameLinear.FitAndScore(ml, split.TrainSet, split.TestSet, targets));
}

Console.WriteLine($"wall time {total.Elapsed.TotalSeconds:F0} s");

void Report(string name, string training, List<FaceSequenceMetrics.Frame>[] frames)
{
    var metrics = targets.Select((t, d) => FaceSequenceMetrics.Compute(ml, t, frames[d])).ToArray();
    Console.WriteLine($"{name}: mean CCC pooled {metrics.Average(m => m.PooledCcc):F3}, per-sequence {metrics.Average(m => m.SequenceCcc):F3} " +
                      $"({training}; {clock.Elapsed.TotalSeconds:F0} s)");
    foreach (var m in metrics) Console.WriteLine($"  {m}");
}

T Protocol<T>(T options) where T : FaceSequenceOptions
{
    options.LengthColumnName = "Length";
    options.Loss = FaceSequenceLoss.Concordance;
    options.LearningRate = 1e-3;
    options.BatchSize = 4;
    options.Epochs = settings.Epochs;
    options.EarlyStoppingPatience = 8;
    options.ValidationFraction = 0.2;
    options.ValidationGroupColumnName = "Subject";
    options.Seed = settings.Seed;
    return options;
}
