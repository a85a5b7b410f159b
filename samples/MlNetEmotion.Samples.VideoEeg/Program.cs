using MlNetEmotion;
using System.Diagnostics;
using MlNetEmotion.Samples.VideoEeg;
using MlNetEmotion.Splitting;
using Statistics = MlNetEmotion.Training.MetricStatistics;

// The protocol of the video–EEG papers on a small synthetic stand-in: three-level labels, the vis-EEG-LSTM and the
// hierarchical LSTM (with their ablations) against an MLP on the same, per-subject standardised inputs. Every subject is
// held out once (rotations of 5:1:1 with 7 subjects: one test subject, and the trainer holds back one of the other six
// to pick the epoch); metrics are mean ± sd over the rotations.
var settings = SampleSettings.Parse(args);
var ml = new MLContext(settings.Seed);
var clock = Stopwatch.StartNew();
var table = VideoEegFeatures.Load(ml, settings);
Console.WriteLine($"features: {table.GetRowCount()} trials in {clock.Elapsed.TotalSeconds:F0} s; {settings}");
var majority = Statistics.Of([.. MajorityRate.PerSubject(ml.Transforms.Labels.ThreeLevel(settings.Target).Fit(table).Transform(table)).Take(settings.Folds)]);
Console.WriteLine($"{"majority class of the training subjects",-36} accuracy {majority.Mean:F3} ± {majority.StandardDeviation:F3}");

foreach (string key in settings.Models.Split(',', StringSplitOptions.RemoveEmptyEntries))
{
    clock.Restart();
    var chain = ml.Transforms.Labels.ThreeLevel(settings.Target).Append(SampleModels.Create(ml, settings, key));
    var result = ml.MulticlassClassification.CrossValidate(table, chain, new LeadingSplits(new LeaveOneGroupOutSplitter(), settings.Folds), samplingKeyColumnName: "Subject");
    var folds = result.Folds;
    var accuracy = Statistics.Of([.. folds.Select(f => f.Metrics.Standard.MicroAccuracy)]);
    var f1 = Statistics.Of([.. folds.Select(f => f.Metrics.Scores.MacroF1)]);
    var reading = BurstReading.Measure(folds.Select(f => f.ScoredHoldOutSet));
    Console.WriteLine($"{SampleModels.Name(key),-36} accuracy {accuracy.Mean:F3} ± {accuracy.StandardDeviation:F3}  macro-F1 {f1.Mean:F3} ± {f1.StandardDeviation:F3}" +
        (reading is null ? "" : $"  reads in bursts {reading.ReadsInBursts:F3} (bursts {reading.BurstFrames:F3} of frames), frames read {reading.FramesRead:F3}") +
        $"  ({folds.Count} rotations, {clock.Elapsed.TotalSeconds:F0} s)");
}
