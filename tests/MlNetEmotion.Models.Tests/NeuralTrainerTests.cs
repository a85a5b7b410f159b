using System.Diagnostics;
using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Models.TrainingHost;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Tests;

public class NeuralTrainerTests
{
    private static int[] Bits(IEnumerable<float> values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private static int[] WeightBits(NeuralPredictionTransformer model) =>
        Bits(model.Module.state_dict().OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.ToArray()));

    [Fact]
    public void Killed_training_process_resumes_to_bit_identical_weights()
    {
        var uninterrupted = CheckpointRun.Train(checkpointDirectory: null);
        string folder = Directory.CreateTempSubdirectory("mlne-ckpt-").FullName;
        try
        {
            using (var child = StartHost(folder, readDelayMs: 4))
            {
                string? line;
                while ((line = child.StandardOutput.ReadLine()) is not null && line != "epoch 4") { }
                Assert.Equal("epoch 4", line);
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
            Assert.True(File.Exists(Path.Combine(folder, "checkpoint.bin")), "the killed run left no checkpoint");
            long resumedFrom = -1;
            var resumed = CheckpointRun.Train(folder, onEpoch: e => resumedFrom = resumedFrom < 0 ? e : resumedFrom);
            Assert.InRange(resumedFrom, 4, CheckpointRun.Epochs - 1);
            Assert.Equal(WeightBits(uninterrupted), WeightBits(resumed));
            Assert.Equal(uninterrupted.History.Epochs.Select(e => e.TrainLoss), resumed.History.Epochs.Select(e => e.TrainLoss));
            Assert.Equal(CheckpointRun.Epochs, resumed.History.Epochs.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process StartHost(string folder, int readDelayMs)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "MlNetEmotion.Models.TrainingHost.dll");
        var start = new ProcessStartInfo("dotnet", [dll, folder, readDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the training host");
    }

    [Fact]
    public void Cancellation_stops_between_batches_and_keeps_the_last_checkpoint()
    {
        string folder = Directory.CreateTempSubdirectory("mlne-cancel-").FullName;
        try
        {
            var ml = new MLContext(1);
            using var cancel = new CancellationTokenSource();
            ml.Progress().Changed += (_, e) => { if (e.Stage == "Training" && e.Completed == 2) cancel.Cancel(); };
            var trainer = ml.MulticlassClassification.Trainers.Mlp(new MlpOptions
            {
                HiddenSizes = [8], Epochs = 10, Seed = 3, CheckpointDirectory = folder, CancellationToken = cancel.Token,
            });
            Assert.Throws<OperationCanceledException>(() => trainer.Fit(CheckpointRun.Data(ml, 0)));
            Assert.True(File.Exists(Path.Combine(folder, "checkpoint.bin")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Checkpoint_with_an_impossible_count_is_refused_before_allocating()
    {
        string folder = Directory.CreateTempSubdirectory("mlne-badckpt-").FullName;
        try
        {
            var ml = new MLContext(1);
            var options = new MlpOptions { HiddenSizes = [8], Epochs = 2, Seed = 3, CheckpointDirectory = folder };
            ml.MulticlassClassification.Trainers.Mlp(options).Fit(CheckpointRun.Data(ml, 0));
            string path = Path.Combine(folder, "checkpoint.bin");
            var bytes = File.ReadAllBytes(path);
            // The fingerprint's length follows the 8-byte magic and the int32 version: 2^31 − 1 bytes cannot follow.
            BitConverter.TryWriteBytes(bytes.AsSpan(12, 4), int.MaxValue);
            File.WriteAllBytes(path, bytes);
            var error = Assert.Throws<InvalidDataException>(() => ml.MulticlassClassification.Trainers.Mlp(options).Fit(CheckpointRun.Data(ml, 0)));
            Assert.Contains("checkpoint.bin", error.Message);
            Assert.Contains("2147483647", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Frozen_stage_leaves_named_module_at_its_initial_weights()
    {
        var ml = new MLContext(1);
        var options = new MlpOptions
        {
            HiddenSizes = [8], Seed = 5, ValidationFraction = 0,
            Stages = [new TrainingStage { Epochs = 3, FrozenModules = ["layers.0"] }, new TrainingStage { Epochs = 2, FrozenModules = ["layers.2"] }],
        };
        var model = ml.MulticlassClassification.Trainers.Mlp(options).Fit(CheckpointRun.Data(ml, 0));
        var initial = ((MlpSpec)model.Spec).Create(new Generator(5)).state_dict();
        var trained = model.Module.state_dict();
        // layers.0 is frozen in stage 1 but learns in stage 2; layers.2 learns in stage 1 only: both moved.
        Assert.NotEqual(Bits(initial["layers.0.weight"].ToArray()), Bits(trained["layers.0.weight"].ToArray()));
        var onlyFirstFrozen = new MlpOptions { HiddenSizes = [8], Seed = 5, ValidationFraction = 0, Stages = [new TrainingStage { Epochs = 3, FrozenModules = ["layers.0"] }] };
        var frozenModel = ml.MulticlassClassification.Trainers.Mlp(onlyFirstFrozen).Fit(CheckpointRun.Data(ml, 0));
        var frozen = frozenModel.Module.state_dict();
        Assert.Equal(Bits(initial["layers.0.weight"].ToArray()), Bits(frozen["layers.0.weight"].ToArray()));
        Assert.Equal(Bits(initial["layers.0.bias"].ToArray()), Bits(frozen["layers.0.bias"].ToArray()));
        Assert.NotEqual(Bits(initial["layers.2.weight"].ToArray()), Bits(frozen["layers.2.weight"].ToArray()));
        Assert.True(frozenModel.Module.parameters().All(p => p.requires_grad), "parameters stay frozen after training");
    }

    [Fact]
    public void Batched_scores_match_per_row_prediction_engine()
    {
        var (ml, data, pipeline) = MlpTests.Classifier(seed: 9);
        var model = pipeline.Fit(data);
        var batched = model.Transform(data).GetColumn<float[]>("Score").ToArray();
        var engine = ml.Model.CreatePredictionEngine<MlpTests.Row, ScoreRow>(model);
        var rows = MlpTests.Blobs();
        for (int i = 0; i < rows.Count; i++)
        {
            var single = engine.Predict(rows[i]).Score;
            for (int k = 0; k < single.Length; k++) Assert.Equal(batched[i][k], single[k], 5e-6f);
        }
    }

    public sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void Class_weights_of_the_wrong_length_are_named()
    {
        var ml = new MLContext(1);
        var trainer = ml.MulticlassClassification.Trainers.Mlp(new MlpOptions { ClassWeights = [1, 2], Epochs = 1 });
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(CheckpointRun.Data(ml, 0)));
        Assert.Contains("ClassWeights has 2 values for 3 classes", e.Message);
    }

    [Fact]
    public void History_records_every_epoch_and_the_best_one()
    {
        var ml = new MLContext(1);
        var model = ml.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            HiddenSizes = [8], Epochs = 6, Seed = 2, EarlyStoppingMetric = "Accuracy", EarlyStoppingPatience = 0,
        }).Fit(CheckpointRun.Data(ml, 0));
        Assert.Equal(6, model.History.Epochs.Count);
        Assert.All(model.History.Epochs, e => Assert.InRange(e.ValidationMetrics["Accuracy"], 0, 1));
        double best = model.History.Epochs.Max(e => e.ValidationMetrics["Accuracy"]);
        Assert.Equal(best, model.History.Epochs.First(e => e.Epoch == model.History.BestEpoch).ValidationMetrics["Accuracy"]);
        Assert.Equal(model.History.Epochs.First(e => e.ValidationMetrics["Accuracy"] == best).Epoch, model.History.BestEpoch);
    }
}
