using System.Text;
using Microsoft.ML.Runtime;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Optim;

namespace MlNetEmotion.Models.Training;

/// <summary>One training run of a neural trainer: stages of epochs of shuffled mini-batches streamed from the view,
/// validation and early stopping, per-epoch checkpoints and resumption from them.</summary>
internal sealed class NeuralTrainingRun(NeuralTrainerOptions options, NeuralTask task, Func<Tensor, NeuralBatch, NeuralTargets, Tensor> loss,
    IHostEnvironment environment, TrainingTable table, NeuralNetworkSpec spec, Module<NeuralBatch, Tensor> module, Generator generator,
    int[] train, int[] validation)
{
    private readonly bool _higherIsBetter = options.EarlyStoppingMetric is "Accuracy" or "ConcordanceCorrelation";

    public TrainingHistory Run()
    {
        var fingerprint = Fingerprint();
        var checkpoint = options.CheckpointDirectory is { } dir ? TrainingCheckpoint.TryLoad(dir, fingerprint) : null;
        var history = checkpoint?.History ?? new TrainingHistory();
        double best = checkpoint?.BestMetric ?? (_higherIsBetter ? double.NegativeInfinity : double.PositiveInfinity);
        int stale = checkpoint?.Stale ?? 0;
        var bestWeights = checkpoint?.BestWeights;
        int globalEpoch = checkpoint?.GlobalEpoch ?? 0;
        bool stopped = checkpoint?.Finished ?? false;
        if (checkpoint is not null)
        {
            module.load_state_dict(checkpoint.Weights);
            generator.set_state(checkpoint.Random);
            environment.WriteLog("NeuralTrainer", $"resuming from {Path.Combine(options.CheckpointDirectory!, TrainingCheckpoint.FileName)} after epoch {globalEpoch}");
        }
        var stages = options.EffectiveStages;
        int totalEpochs = stages.Sum(s => s.Epochs);
        for (int s = checkpoint?.Stage ?? 0; s < stages.Count && !stopped; s++)
        {
            var stage = stages[s];
            var trainable = Freeze(stage.FrozenModules);
            var optimizer = CreateOptimizer(trainable, stage.LearningRate ?? options.LearningRate);
            var schedule = CreateSchedule(optimizer, stage.Epochs);
            int firstEpoch = 0;
            if (checkpoint is not null && checkpoint.Stage == s)
            {
                firstEpoch = checkpoint.EpochInStage;
                if (firstEpoch < stage.Epochs)
                {
                    optimizer.load_state_dict(checkpoint.Optimizer);
                    schedule?.load_state_dict(checkpoint.ScheduleEpoch);
                }
            }
            for (int e = firstEpoch; e < stage.Epochs && !stopped; e++)
            {
                double lr = optimizer.param_groups[0].lr;
                double trainLoss = TrainEpoch(optimizer, trainable);
                schedule?.step();
                globalEpoch++;
                var (validationLoss, metrics) = Validate();
                history.Add(new EpochRecord(s, globalEpoch, lr, trainLoss, validationLoss, metrics));
                environment.ReportProgress("Training", globalEpoch, totalEpochs);
                if (validation.Length > 0)
                {
                    double value = options.EarlyStoppingMetric == "Loss" ? validationLoss : metrics[options.EarlyStoppingMetric];
                    if (_higherIsBetter ? value > best : value < best)
                    {
                        best = value;
                        bestWeights = StateDictFormat.Snapshot(module);
                        history.BestEpoch = globalEpoch;
                        stale = 0;
                    }
                    else if (options.EarlyStoppingPatience > 0 && ++stale >= options.EarlyStoppingPatience)
                    {
                        stopped = true;
                        history.StoppedEarly = true;
                        environment.WriteLog("NeuralTrainer", $"early stop after epoch {globalEpoch}; best {options.EarlyStoppingMetric} {best:G6} at epoch {history.BestEpoch}");
                    }
                }
                else history.BestEpoch = globalEpoch;
                if (options.CheckpointDirectory is { } folder)
                    new TrainingCheckpoint
                    {
                        Fingerprint = fingerprint, Stage = s, EpochInStage = e + 1, GlobalEpoch = globalEpoch, Weights = StateDictFormat.Snapshot(module),
                        Optimizer = optimizer.state_dict(), ScheduleEpoch = schedule?.last_epoch ?? 0, Random = generator.get_state(),
                        BestMetric = best, Stale = stale, BestWeights = bestWeights, History = history, Finished = stopped,
                    }.Save(folder);
            }
            checkpoint = null;
        }
        foreach (var p in module.parameters()) p.requires_grad = true;
        if (bestWeights is not null) module.load_state_dict(bestWeights);
        return history;
    }

    /// <summary>Fisher–Yates shuffle drawing from the run's generator (so a checkpoint's generator state fixes every later order).</summary>
    public static void Shuffle<T>(T[] items, Generator generator)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)generator.NextInt64(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private List<Tensor> Freeze(string[] frozen)
    {
        var trainable = new List<Tensor>();
        foreach (var (name, parameter) in module.named_parameters())
        {
            bool freeze = frozen.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal));
            parameter.requires_grad = !freeze;
            if (!freeze) trainable.Add(parameter);
        }
        if (trainable.Count == 0) throw new ArgumentException("Every parameter is frozen in a training stage; nothing would learn.", nameof(options));
        return trainable;
    }

    private double TrainEpoch(Optimizer optimizer, List<Tensor> trainable)
    {
        module.train();
        var order = (int[])train.Clone();
        Shuffle(order, generator);
        double total = 0;
        int batches = 0;
        for (int start = 0; start < order.Length; start += options.BatchSize)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            var rows = order[start..Math.Min(start + options.BatchSize, order.Length)];
            Array.Sort(rows);
            var batch = table.ReadBatch(rows);
            var targets = NeuralTargets.For(table, task, rows, batch.Lengths);
            optimizer.zero_grad();
            var value = loss(module.forward(batch), batch, targets);
            value.backward();
            if (options.MaxGradientNorm is { } maxNorm) torch.nn.utils.clip_grad_norm_(trainable, maxNorm);
            optimizer.step();
            total += value.item();
            batches++;
        }
        return total / batches;
    }

    private (double Loss, Dictionary<string, double> Metrics) Validate()
    {
        if (validation.Length == 0) return (double.NaN, []);
        module.eval();
        using var _ = torch.no_grad();
        var outputs = new List<float[]>();
        var targets = new List<NeuralTargets>();
        double total = 0;
        for (int start = 0; start < validation.Length; start += options.InferenceBatchSize)
        {
            var rows = validation[start..Math.Min(start + options.InferenceBatchSize, validation.Length)];
            var batch = table.ReadBatch(rows);
            var target = NeuralTargets.For(table, task, rows, batch.Lengths);
            var output = module.forward(batch);
            total += loss(output, batch, target).item() * rows.Length;
            outputs.Add(output.ToArray());
            targets.Add(target);
        }
        int width = task == NeuralTask.MulticlassClassification ? table.OutputSize : table.TargetWidth;
        return (total / validation.Length, NeuralLosses.Metrics(task, outputs, targets, width));
    }

    private Optimizer CreateOptimizer(IEnumerable<Tensor> parameters, double lr) => options.Optimizer switch
    {
        NeuralOptimizer.Sgd => torch.optim.SGD(parameters, lr, options.Momentum, weight_decay: options.WeightDecay),
        NeuralOptimizer.RmsProp => torch.optim.RMSprop(parameters, lr, weight_decay: options.WeightDecay, momentum: options.Momentum),
        _ => torch.optim.Adam(parameters, lr, weight_decay: options.WeightDecay),
    };

    private LRScheduler? CreateSchedule(Optimizer optimizer, int epochs) => options.Schedule switch
    {
        LearningRateSchedule.Step => torch.optim.lr_scheduler.StepLR(optimizer, options.ScheduleStepSize, options.ScheduleGamma),
        LearningRateSchedule.Cosine => torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs),
        _ => null,
    };

    /// <summary>What identifies the run: the network recipe and initial weights, every option that changes training, and the labels.</summary>
    private byte[] Fingerprint()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            NeuralNetworkSpec.WriteAny(w, spec);
            StateDictFormat.Write(w, module.state_dict());
            w.Write(string.Join("|", options.FeatureColumnNames));
            w.Write(options.LabelColumnName);
            w.Write(options.LengthColumnName ?? "");
            w.Write(options.BatchSize);
            w.Write((int)options.Optimizer);
            w.Write(options.LearningRate);
            w.Write(options.WeightDecay);
            w.Write(options.Momentum);
            w.Write((int)options.Schedule);
            w.Write(options.ScheduleStepSize);
            w.Write(options.ScheduleGamma);
            w.Write(options.MaxGradientNorm ?? 0);
            w.Write(string.Join(",", options.ClassWeights ?? []));
            w.Write(options.EarlyStoppingMetric);
            w.Write(options.EarlyStoppingPatience);
            foreach (var stage in options.EffectiveStages)
            {
                w.Write(stage.Epochs);
                w.Write(string.Join(",", stage.FrozenModules));
                w.Write(stage.LearningRate ?? 0);
            }
            w.Write(table.Rows);
            foreach (int r in train) w.Write(r);
            foreach (int r in validation) w.Write(r);
            foreach (long c in table.ClassIndices ?? []) w.Write(c);
            foreach (float t in table.Targets ?? []) w.Write(t);
        }
        return TrainingCheckpoint.FingerprintOf(buffer.ToArray());
    }
}
