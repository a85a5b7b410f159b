namespace MlNetEmotion.Models.Training;

/// <summary>The optimizer a neural trainer uses (<c>torch.optim</c>).</summary>
public enum NeuralOptimizer
{
    /// <summary>Adam (PyTorch's update).</summary>
    Adam,

    /// <summary>Stochastic gradient descent with <see cref="NeuralTrainerOptions.Momentum"/>.</summary>
    Sgd,

    /// <summary>RMSprop.</summary>
    RmsProp,
}

/// <summary>A learning-rate schedule stepped once per epoch (<c>torch.optim.lr_scheduler</c>).</summary>
public enum LearningRateSchedule
{
    /// <summary>A constant rate.</summary>
    Constant,

    /// <summary>Multiply by <see cref="NeuralTrainerOptions.ScheduleGamma"/> every <see cref="NeuralTrainerOptions.ScheduleStepSize"/> epochs (StepLR).</summary>
    Step,

    /// <summary>Cosine annealing to 0 over all epochs (CosineAnnealingLR).</summary>
    Cosine,
}

/// <summary>Settings every neural trainer shares: columns, optimisation, validation and early stopping, staged training,
/// checkpoints. A trainer's own options derive from this class.</summary>
public class NeuralTrainerOptions
{
    /// <summary>Feature columns, each a known-size Single vector (its dimensions are the network's input shape) or a
    /// Single. Several columns feed a multimodal network. Default "Features".</summary>
    public string[] FeatureColumnNames { get; set; } = ["Features"];

    /// <summary>Label column: a key (classification), Single or Single vector (regression), or a Single vector of
    /// <c>[steps × targets]</c> (sequence regression). Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Int32 column of valid steps per row for padded sequences; the network receives it and sequence losses
    /// ignore padded steps. Default null (every step valid).</summary>
    public string? LengthColumnName { get; set; }

    /// <summary>Passes over the training rows (ignored when <see cref="Stages"/> are given). Default 100.</summary>
    public int Epochs { get; set; } = 100;

    /// <summary>Rows per training mini-batch. Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Rows per batch when scoring. Default 64.</summary>
    public int InferenceBatchSize { get; set; } = 64;

    /// <summary>The optimizer. Default Adam.</summary>
    public NeuralOptimizer Optimizer { get; set; } = NeuralOptimizer.Adam;

    /// <summary>Learning rate. Default 1e-3.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>L2 weight decay. Default 0.</summary>
    public double WeightDecay { get; set; }

    /// <summary>Momentum of SGD and RMSprop. Default 0.9 (set 0 for PyTorch's plain RMSprop).</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary>The learning-rate schedule. Default constant.</summary>
    public LearningRateSchedule Schedule { get; set; } = LearningRateSchedule.Constant;

    /// <summary>Epochs between decays of the step schedule. Default 30.</summary>
    public int ScheduleStepSize { get; set; } = 30;

    /// <summary>Decay factor of the step schedule. Default 0.1.</summary>
    public double ScheduleGamma { get; set; } = 0.1;

    /// <summary>Rescale gradients whose global L2 norm exceeds this; null for no clipping. Default null.</summary>
    public double? MaxGradientNorm { get; set; }

    /// <summary>Per-class loss weights in key order (classification); null for equal weights. Default null.</summary>
    public float[]? ClassWeights { get; set; }

    /// <summary>Fraction of the training rows (or of the groups, with <see cref="ValidationGroupColumnName"/>) held back
    /// to choose the best epoch; 0 trains on every row for every epoch. Default 0.1.</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Column whose values (e.g. "Subject") are held back whole, so validation rows share no group with training
    /// rows. Default null (rows drawn singly).</summary>
    public string? ValidationGroupColumnName { get; set; }

    /// <summary>Metric that picks the best epoch and stops training: "Loss" (validation loss, lower is better),
    /// "Accuracy" (classification, higher), "MeanSquaredError" (lower) or "ConcordanceCorrelation" (regression, higher).
    /// Default "Loss".</summary>
    public string EarlyStoppingMetric { get; set; } = "Loss";

    /// <summary>Epochs without improvement before training stops (0 never stops early). Default 10.</summary>
    public int EarlyStoppingPatience { get; set; } = 10;

    /// <summary>Stages of staged training (each with its epochs, frozen sub-modules and rate); null for one stage of
    /// <see cref="Epochs"/> epochs with nothing frozen. Default null.</summary>
    public TrainingStage[]? Stages { get; set; }

    /// <summary>Seed of initialisation, shuffling and dropout; null draws one from the ML.NET context. Default null.</summary>
    public int? Seed { get; set; }

    /// <summary>Folder for per-epoch checkpoints (weights, optimizer, schedule, random state, history), each written
    /// atomically; a run started again with the same folder, data and options resumes from the last one and ends with
    /// bit-identical weights. Default null (no checkpoints).</summary>
    public string? CheckpointDirectory { get; set; }

    /// <summary>Stops training cleanly between batches (the last checkpoint stays); Fit then throws
    /// <see cref="OperationCanceledException"/>. Default none.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>The stages to run: <see cref="Stages"/>, or one stage of <see cref="Epochs"/>.</summary>
    public IReadOnlyList<TrainingStage> EffectiveStages => Stages is { Length: > 0 } s ? s : [new TrainingStage { Epochs = Epochs }];

    /// <summary>Checks every setting, naming the option at fault.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public virtual void Validate()
    {
        if (FeatureColumnNames is not { Length: > 0 }) throw new ArgumentOutOfRangeException(nameof(FeatureColumnNames), "At least one feature column is needed.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (InferenceBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(InferenceBatchSize), InferenceBatchSize, "InferenceBatchSize must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive.");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must be non-negative.");
        if (ValidationFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be in [0, 1).");
        if (EarlyStoppingPatience < 0) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be non-negative.");
        if (MaxGradientNorm is { } g && !(g > 0)) throw new ArgumentOutOfRangeException(nameof(MaxGradientNorm), g, "MaxGradientNorm must be positive.");
        if (ScheduleStepSize < 1) throw new ArgumentOutOfRangeException(nameof(ScheduleStepSize), ScheduleStepSize, "ScheduleStepSize must be at least 1.");
        if (EarlyStoppingMetric is not ("Loss" or "Accuracy" or "MeanSquaredError" or "ConcordanceCorrelation"))
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingMetric), EarlyStoppingMetric, "EarlyStoppingMetric must be Loss, Accuracy, MeanSquaredError or ConcordanceCorrelation.");
        if (Stages is not null && Stages.Any(s => s.Epochs < 1)) throw new ArgumentOutOfRangeException(nameof(Stages), "Every stage needs at least one epoch.");
    }
}
