using Microsoft.ML.Trainers.LightGbm;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Models.Tests;

/// <summary>The chain a user of ML.NET writes: raw EEG through our band-pass and band power, ML.NET's Concatenate and
/// normaliser, ML.NET's LightGbm; cross-validated by subject, evaluated by ML.NET, saved to one file and loaded back.</summary>
public class MixedEegChainTests
{
    private static (MLContext, IDataView, IEstimator<ITransformer>) Chain()
    {
        var ml = new MLContext(seed: 3);
        var trials = ml.Data.LoadSyntheticDeap(new SyntheticDeapOptions { Subjects = 6, TrialsPerSubject = 12, StimulusSeconds = 4, IncludeVideo = false, Seed = 3 });
        var chain = ml.Transforms.Eeg.BandPass(lowHz: 4, highHz: 45)
            .Append(ml.Transforms.Eeg.BandPower("Eeg", options: new BandPowerOptions { Scale = BandPowerScale.Log }, asVector: true))
            .Append(ml.Transforms.Reshape("EegBands", "Eeg", 32, 4))
            .Append(ml.Transforms.Labels.ThreeLevel("Arousal"))
            .Append(ml.Transforms.Concatenate("Features", "EegBands"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfIterations = 20, MinimumExampleCountPerLeaf = 3, NumberOfThreads = 1, Seed = 1,
            }));
        return (ml, trials, chain);
    }

    [Fact]
    public void Eeg_band_power_to_LightGbm_cross_validates_by_subject_and_reloads_bit_identically()
    {
        var (ml, trials, chain) = Chain();
        var cv = ml.MulticlassClassification.CrossValidate(trials, chain, new GroupKFoldSplitter(3, seed: 1), samplingKeyColumnName: "Subject");
        Assert.Equal(3, cv.Folds.Count);
        var subjects = trials.GetColumn<string>("Subject").ToArray();
        foreach (var fold in cv.Folds)
        {
            var train = fold.Split.TrainRows.Select(r => subjects[r]).ToHashSet();
            Assert.DoesNotContain(fold.Split.TestRows, r => train.Contains(subjects[r]));
            var standard = ml.MulticlassClassification.Evaluate(fold.ScoredHoldOutSet);   // ML.NET's own evaluator
            Assert.Equal(fold.Metrics.MicroAccuracy, standard.MicroAccuracy, 12);
        }
        Assert.Equal(trials.GetRowCount(), (long)cv.Pooled.Standard.ConfusionMatrix.Counts.Sum(row => row.Sum()));

        var model = chain.Fit(trials);
        string path = Path.Combine(Path.GetTempPath(), $"mlne-mixed-{Guid.NewGuid():N}.bin");
        try
        {
            ml.Model.SavePipeline(model, trials.Schema, path);
            var loaded = new MLContext(seed: 99).Model.LoadPipeline(path, out var schema);
            Assert.NotNull(schema.GetColumnOrNull("Arousal"));
            var before = model.Transform(trials).GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits).ToArray();
            var after = loaded.Transform(trials).GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits).ToArray();
            Assert.Equal(before, after);
            Assert.Equal(model.Transform(trials).GetColumn<uint>("PredictedLabel"), loaded.Transform(trials).GetColumn<uint>("PredictedLabel"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
